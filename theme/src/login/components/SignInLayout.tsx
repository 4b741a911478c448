// The frame of the first page, whether it asks for username and password together (login.ftl) or
// the username alone (login-username.ftl, identifier-first flows such as the ones provisioning
// builds): heading, identity providers, registration link, passkey sign-in, and the record that a
// first-factor page was shown (the step-up rule reads it); and their shared username field.
import type { ReactNode } from "react";
import type { I18n } from "../i18n";
import Layout from "../Layout";
import { useFirstFactorPage } from "../useStepUp";
import { Field } from "./Field";
import { PasskeySignIn, passkeysOffered, type FirstPageContext } from "./PasskeySignIn";

export function SignInLayout({ kcContext, i18n, error, children }: { kcContext: FirstPageContext; i18n: I18n; error?: string; children: ReactNode }) {
  const { url, realm, social, registrationDisabled } = kcContext;
  const { msg, msgStr } = i18n;
  useFirstFactorPage(url.loginAction);

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
      {realm.password && children}
      <PasskeySignIn kcContext={kcContext} i18n={i18n} divider={realm.password} />
    </Layout>
  );
}

/** The username field of both first pages: Keycloak's label for the realm's login settings, passkeys in its autofill. */
export function UsernameField({ kcContext, i18n, error }: { kcContext: FirstPageContext; i18n: I18n; error?: string }) {
  const { realm, login } = kcContext;
  const label = !realm.loginWithEmailAllowed ? i18n.msg("username") : !realm.registrationEmailAsUsername ? i18n.msg("usernameOrEmail") : i18n.msg("email");
  return (
    <Field
      id="username"
      name="username"
      type="text"
      label={label}
      defaultValue={login.username ?? ""}
      autoComplete={passkeysOffered(kcContext) ? "username webauthn" : "username"}
      autoCapitalize="none"
      spellCheck={false}
      error={error}
      required
      autoFocus
    />
  );
}
