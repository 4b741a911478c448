// The frame of the first page, whether it asks for username and password together (login.ftl) or
// the username alone (login-username.ftl, identifier-first flows such as the ones provisioning
// builds): heading, identity providers, registration link, passkey sign-in, and the record that a
// first-factor page was shown (the step-up rule reads it); and their shared username field.
import { useEffect, useRef, type ReactNode } from "react";
import type { I18n } from "../i18n";
import Layout from "../Layout";
import { useFirstFactorPage } from "../useStepUp";
import { Field } from "./Field";
import { PasskeySignIn, passkeysOffered, type FirstPageContext } from "./PasskeySignIn";

/**
 * Keycloak shows the username page to a user it already knows (prompt=login, a step-up) only when
 * the account is linked to identity providers, and then lists only those: the way to confirm it's
 * them is their organisation's sign-in.
 */
export function reauthenticatesWithIdp(kcContext: FirstPageContext): boolean {
  const { pageId, usernameHidden, auth, realm, social } = kcContext;
  return pageId === "login-username.ftl" && usernameHidden === true && !!auth?.attemptedUsername && realm.password && (social?.providers?.length ?? 0) > 0;
}

export function SignInLayout({ kcContext, i18n, error, children }: { kcContext: FirstPageContext; i18n: I18n; error?: string; children: ReactNode }) {
  const { url, realm, social, registrationDisabled, message } = kcContext;
  const { msg } = i18n;
  useFirstFactorPage(url.loginAction);
  const providers = (realm.password && social?.providers) || [];
  const reauthenticate = reauthenticatesWithIdp(kcContext);
  // Keycloak's "Please re-authenticate to continue": our heading and text say it.
  const hideInfo = reauthenticate && message?.type === "info";

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      headerNode={reauthenticate ? msg("kcaStepUpTitle") : msg("kcaSignInTitle")}
      displayMessage={!error && !hideInfo}
      displayInfo={realm.password && realm.registrationAllowed && !registrationDisabled}
      infoNode={
        <p id="kc-registration">
          {msg("noAccount")}{" "}
          <a id="kc-registration-link" href={url.registrationUrl}>
            {msg("doRegister")}
          </a>
        </p>
      }
      socialProvidersNode={!reauthenticate && providers.length > 0 && <IdentityProviders i18n={i18n} providers={providers} divider />}
    >
      {reauthenticate && (
        <>
          <p className="kca-lead" id="kca-reauth-intro" data-testid="reauth-with-idp">
            {msg("kcaReauthWithIdp", providers.map((p) => p.displayName || p.alias).join(` ${i18n.msgStr("kcaOr")} `))}
          </p>
          <IdentityProviders i18n={i18n} providers={providers} primary />
          <p className="kca-divider">{msg("kcaOr")}</p>
        </>
      )}
      {realm.password && children}
      <PasskeySignIn kcContext={kcContext} i18n={i18n} divider={realm.password} />
    </Layout>
  );
}

type Provider = NonNullable<NonNullable<FirstPageContext["social"]>["providers"]>[number];

/** One button per identity provider: "Continue with <name>". */
function IdentityProviders({ i18n, providers, primary = false, divider = false }: { i18n: I18n; providers: Provider[]; primary?: boolean; divider?: boolean }) {
  const { msg, msgStr } = i18n;
  const first = useRef<HTMLAnchorElement>(null);
  // The way to continue has focus (React focuses form fields and buttons only, not links).
  useEffect(() => {
    if (primary) first.current?.focus();
  }, [primary]);
  return (
    <nav className="kca-social" id="kc-social-providers" aria-label={msgStr("kcaIdpListLabel")}>
      {divider && <p className="kca-divider">{msg("kcaOrWithIdp")}</p>}
      <ul>
        {providers.map((p, i) => (
          <li key={p.alias}>
            <a
              id={`social-${p.alias}`}
              href={p.loginUrl}
              className={`kca-button ${primary ? "kca-primary" : "kca-secondary"}`}
              ref={i === 0 ? first : undefined}
              data-testid="identity-provider"
            >
              {msg("kcaContinueWith", p.displayName || p.alias)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
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
