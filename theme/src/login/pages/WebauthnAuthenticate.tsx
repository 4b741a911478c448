// Second step with a passkey or security key (webauthn-authenticate.ftl). The assertion is posted in
// Keycloak's `#webauth` form; a failure posts `error`, which brings Keycloak's webauthn-error page.
import { useRef, useState } from "react";
import { WebauthnResultForm } from "../components/WebauthnResultForm";
import Layout from "../Layout";
import { useStepUp } from "../useStepUp";
import { authenticate, submitForm } from "../webauthn/ceremony";
import type { PageProps } from "./PageProps";

export default function WebauthnAuthenticate({ kcContext, i18n }: PageProps<"webauthn-authenticate.ftl">) {
  const { url, authenticators, shouldDisplayAuthenticators, isUserIdentified, realm, registrationDisabled, auth } = kcContext;
  const { msg, msgStr, advancedMsgStr } = i18n;
  const stepUp = useStepUp(url.loginAction);
  const form = useRef<HTMLFormElement>(null);
  const [working, setWorking] = useState(false);
  const keys = authenticators.authenticators;

  const onUseKey = async () => {
    setWorking(true);
    // Keycloak limits the request to the user's own keys once it knows who is signing in.
    const allow = isUserIdentified === "true" ? keys.map((k) => k.credentialId) : [];
    const fields = await authenticate(kcContext, allow, msgStr("webauthn-unsupported-browser-text"));
    if (fields && form.current) submitForm(form.current, fields);
    else setWorking(false);
  };

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      stepUp={stepUp}
      headerNode={stepUp ? msg("kcaStepUpTitle") : msg("kcaWebauthnSignInTitle")}
      displayInfo={realm.registrationAllowed && !registrationDisabled}
      infoNode={
        url.registrationUrl && (
          <p>
            {msg("noAccount")} <a href={url.registrationUrl}>{msg("doRegister")}</a>
          </p>
        )
      }
    >
      <WebauthnResultForm ref={form} action={url.loginAction} />
      <p className="kca-lead">{msg("kcaWebauthnSignInIntro")}</p>
      {shouldDisplayAuthenticators && keys.length > 0 && (
        <section aria-labelledby="kca-keys-title" className="kca-keys">
          <h2 id="kca-keys-title" className="kca-subtitle">
            {msg("kcaWebauthnYourKeys")}
          </h2>
          <ul id="kc-webauthn-authenticators">
            {keys.map((key, index) => (
              <li key={key.credentialId} id={`kc-webauthn-authenticator-${index}`}>
                <strong>{key.label}</strong>
                <span className="kca-hint">
                  {(key.transports.displayNameProperties ?? []).map((p) => advancedMsgStr(p)).join(", ")}
                  {key.createdAt && ` · ${msgStr("webauthn-createdAt-label")} ${key.createdAt}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <button
        type="button"
        id="authenticateWebAuthnButton"
        className="kca-button kca-primary"
        onClick={onUseKey}
        disabled={working}
        aria-describedby={working ? "kca-webauthn-working" : undefined}
        autoFocus
      >
        {msg("kcaWebauthnSignInButton")}
      </button>
      {working && (
        <p id="kca-webauthn-working" className="kca-hint" role="status">
          {msg("kcaWebauthnWorking")}
        </p>
      )}
      {/* No other way offered here (e.g. a level that asks for the key itself): say what to do. */}
      {!auth?.showTryAnotherWayLink && (
        <p className="kca-hint kca-lost" id="kca-webauthn-lost" data-testid="webauthn-lost">
          {msg("kcaWebauthnLost")}
        </p>
      )}
    </Layout>
  );
}
