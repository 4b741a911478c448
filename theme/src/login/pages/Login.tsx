// Sign-in (login.ftl): username and password, and passkeys where the realm allows them (Keycloak
// sets `enableWebAuthnConditionalUI`): offered in the username field's autofill and by a button.
// Posts `username`, `password`, `rememberMe`, `credentialId`; a passkey posts the `#webauth` form.
import { useEffect, useRef } from "react";
import { Field } from "../components/Field";
import { WebauthnResultForm } from "../components/WebauthnResultForm";
import Layout from "../Layout";
import { rememberFirstFactorShown } from "../stepUp";
import { authenticate, conditionalMediationAvailable, submitForm } from "../webauthn/ceremony";
import type { PageProps } from "./PageProps";

export default function Login({ kcContext, i18n }: PageProps<"login.ftl">) {
  const { url, realm, login, usernameHidden, messagesPerField, registrationDisabled, social, auth } = kcContext;
  const { msg, msgStr } = i18n;
  const passkeys = kcContext.enableWebAuthnConditionalUI === true;
  const webauthnForm = useRef<HTMLFormElement>(null);
  const error = messagesPerField.existsError("username", "password") ? messagesPerField.getFirstError("username", "password") : undefined;

  useEffect(() => rememberFirstFactorShown(url.loginAction), [url.loginAction]);

  const allowedKeys = () =>
    kcContext.isUserIdentified === "true" ? (kcContext.authenticators?.authenticators ?? []).map((a) => a.credentialId) : [];

  const signInWithPasskey = async (mediation?: CredentialMediationRequirement) => {
    const fields = await authenticate(kcContext, allowedKeys(), msgStr("passkey-unsupported-browser-text"), mediation);
    if (fields && webauthnForm.current) submitForm(webauthnForm.current, fields);
  };

  // Passkeys in the username field's autofill, when the browser supports it and the realm's
  // mediation setting leaves it on; the button covers every other case.
  useEffect(() => {
    if (!passkeys || kcContext.isUserIdentified === "true" || (kcContext.mediation ?? "conditional") !== "conditional") return;
    let active = true;
    void conditionalMediationAvailable().then((available) => {
      if (active && available) void signInWithPasskey("conditional");
    });
    return () => {
      active = false;
    };
    // Once per page: the challenge does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const usernameLabel = !realm.loginWithEmailAllowed ? msg("username") : !realm.registrationEmailAsUsername ? msg("usernameOrEmail") : msg("email");

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      headerNode={msg("kcaSignInTitle")}
      displayMessage={!error}
      displayInfo={realm.password && realm.registrationAllowed && !registrationDisabled}
      infoNode={
        <p id="kc-registration">
          {msg("noAccount")}{" "}
          <a id="kc-registration-link" href={url.registrationUrl}>
            {msg("doRegister")}
          </a>
        </p>
      }
      socialProvidersNode={
        realm.password &&
        social?.providers &&
        social.providers.length > 0 && (
          <nav className="kca-social" aria-label={msgStr("identity-provider-login-label")}>
            <ul>
              {social.providers.map((p) => (
                <li key={p.alias}>
                  <a id={`social-${p.alias}`} href={p.loginUrl} className="kca-button kca-secondary">
                    {p.displayName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )
      }
    >
      {realm.password && (
        <form id="kc-form-login" className="kca-form" action={url.loginAction} method="post">
          {!usernameHidden && (
            <Field
              id="username"
              name="username"
              type="text"
              label={usernameLabel}
              defaultValue={login.username ?? ""}
              autoComplete={passkeys ? "username webauthn" : "username"}
              autoCapitalize="none"
              spellCheck={false}
              error={error}
              required
              autoFocus
            />
          )}
          <Field
            id="password"
            name="password"
            type="password"
            label={msg("password")}
            autoComplete="current-password"
            error={usernameHidden ? error : undefined}
            aria-invalid={error ? true : undefined}
            required
            autoFocus={usernameHidden}
          />
          <div className="kca-row">
            {realm.rememberMe && !usernameHidden && (
              <div className="kca-check">
                <input type="checkbox" id="rememberMe" name="rememberMe" defaultChecked={login.rememberMe === "on"} />
                <label htmlFor="rememberMe">{msg("rememberMe")}</label>
              </div>
            )}
            {realm.resetPasswordAllowed && (
              <a id="kc-forgot-password" href={url.loginResetCredentialsUrl}>
                {msg("doForgotPassword")}
              </a>
            )}
          </div>
          <input type="hidden" id="id-hidden-input" name="credentialId" value={auth.selectedCredential ?? ""} />
          <button type="submit" id="kc-login" name="login" className="kca-button kca-primary">
            {msg("doLogIn")}
          </button>
        </form>
      )}
      {passkeys && (
        <div className="kca-passkey">
          {realm.password && <p className="kca-divider">{msg("kcaOr")}</p>}
          <WebauthnResultForm ref={webauthnForm} action={url.loginAction} />
          <button type="button" id="authenticateWebAuthnButton" className="kca-button kca-secondary" onClick={() => void signInWithPasskey()}>
            {msg("kcaPasskeySignIn")}
          </button>
        </div>
      )}
    </Layout>
  );
}
