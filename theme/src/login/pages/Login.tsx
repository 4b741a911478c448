// Sign-in (login.ftl): username and password, and passkeys where the realm allows them (see
// PasskeySignIn). Posts `username`, `password`, `rememberMe`, `credentialId`.
import { PasswordField } from "../components/Field";
import { ForgotPassword, RememberMe } from "../components/SignInOptions";
import { SignInLayout, UsernameField } from "../components/SignInLayout";
import type { PageProps } from "./PageProps";

export default function Login({ kcContext, i18n }: PageProps<"login.ftl">) {
  const { url, realm, login, usernameHidden, messagesPerField, auth } = kcContext;
  const { msg, msgStr } = i18n;
  const error = messagesPerField.existsError("username", "password") ? messagesPerField.getFirstError("username", "password") : undefined;

  return (
    <SignInLayout kcContext={kcContext} i18n={i18n} error={error}>
      <form id="kc-form-login" className="kca-form" action={url.loginAction} method="post">
        {!usernameHidden && <UsernameField kcContext={kcContext} i18n={i18n} error={error} />}
        <PasswordField
          id="password"
          name="password"
          label={msg("password")}
          showLabel={msgStr("kcaShowPassword")}
          hideLabel={msgStr("kcaHidePassword")}
          autoComplete="current-password"
          error={usernameHidden ? error : undefined}
          aria-invalid={error ? true : undefined}
          required
          autoFocus={usernameHidden}
        />
        <div className="kca-row">
          {realm.rememberMe && !usernameHidden && <RememberMe checked={login.rememberMe === "on"} i18n={i18n} />}
          {realm.resetPasswordAllowed && <ForgotPassword href={url.loginResetCredentialsUrl} i18n={i18n} />}
        </div>
        <input type="hidden" id="id-hidden-input" name="credentialId" value={auth.selectedCredential ?? ""} />
        <button type="submit" id="kc-login" name="login" className="kca-button kca-primary">
          {msg("doLogIn")}
        </button>
      </form>
    </SignInLayout>
  );
}
