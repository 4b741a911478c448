// First page of an identifier-first sign-in (login-username.ftl; provisioning's flows start with
// it): the username, and passkeys where the realm allows them (see PasskeySignIn). The password, or
// another method, comes on the next page. A user Keycloak already knows (prompt=login, step-up) sees
// this page only when their account is linked to identity providers: then it invites them to
// continue with their organisation's sign-in first. Posts `username` and `rememberMe`.
import { RememberMe } from "../components/SignInOptions";
import { reauthenticatesWithIdp, SignInLayout, UsernameField } from "../components/SignInLayout";
import type { PageProps } from "./PageProps";

export default function LoginUsername({ kcContext, i18n }: PageProps<"login-username.ftl">) {
  const { url, realm, login, usernameHidden, messagesPerField } = kcContext;
  const { msg } = i18n;
  const error = messagesPerField.existsError("username") ? messagesPerField.getFirstError("username") : undefined;

  return (
    <SignInLayout kcContext={kcContext} i18n={i18n} error={error}>
      <form id="kc-form-login" className="kca-form" action={url.loginAction} method="post">
        {!usernameHidden && <UsernameField kcContext={kcContext} i18n={i18n} error={error} />}
        {realm.rememberMe && !usernameHidden && (
          <div className="kca-row">
            <RememberMe checked={login.rememberMe === "on"} i18n={i18n} />
          </div>
        )}
        {/* Re-authenticating through the organisation's sign-in: the local way comes second. */}
        <button type="submit" id="kc-login" name="login" className={`kca-button ${reauthenticatesWithIdp(kcContext) ? "kca-secondary kca-wide" : "kca-primary"}`}>
          {reauthenticatesWithIdp(kcContext) ? msg("kcaUsePasswordInstead") : msg("doContinue")}
        </button>
      </form>
    </SignInLayout>
  );
}
