// Second page of an identifier-first sign-in (login-password.ftl): the password of the user named
// on the first page (shown by Layout, with "Not you?"). No passkey here even where Keycloak offers
// one: a passkey posted to the password form counts as that form, so tokens would say "pwd"; the
// first page and "try another way" offer passkeys instead. The form carries the username, hidden and
// not posted, so password managers know which account's password to fill and save. Posts `password`.
import { PasswordField } from "../components/Field";
import { ForgotPassword } from "../components/SignInOptions";
import Layout from "../Layout";
import { useFirstFactorPage } from "../useStepUp";
import type { PageProps } from "./PageProps";

export default function LoginPassword({ kcContext, i18n }: PageProps<"login-password.ftl">) {
  const { url, realm, messagesPerField, auth } = kcContext;
  const { msg, msgStr } = i18n;
  const error = messagesPerField.existsError("password") ? messagesPerField.getFirstError("password") : undefined;
  useFirstFactorPage(url.loginAction);

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaSignInTitle")} displayMessage={!error}>
      <form id="kc-form-login" className="kca-form" action={url.loginAction} method="post">
        {auth?.attemptedUsername && (
          <input
            type="text"
            id="kca-username-for-password-managers"
            autoComplete="username"
            value={auth.attemptedUsername}
            readOnly
            hidden
          />
        )}
        <PasswordField
          id="password"
          name="password"
          label={msg("password")}
          autoComplete="current-password"
          error={error}
          required
          autoFocus
          showLabel={msgStr("kcaShowPassword")}
          hideLabel={msgStr("kcaHidePassword")}
        />
        {realm.resetPasswordAllowed && (
          <div className="kca-row">
            <ForgotPassword href={url.loginResetCredentialsUrl} i18n={i18n} />
          </div>
        )}
        <button type="submit" id="kc-login" name="login" className="kca-button kca-primary">
          {msg("doLogIn")}
        </button>
      </form>
    </Layout>
  );
}
