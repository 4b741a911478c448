// Registering a passkey or security key (webauthn-register.ftl), with a name typed into the page
// rather than Keycloak's window.prompt. Posts Keycloak's `#register` fields: clientDataJSON,
// attestationObject, publicKeyCredentialId, transports, authenticatorAttachment, authenticatorLabel,
// logout-sessions, or `error`.
import { useState, type FormEvent } from "react";
import { Field } from "../components/Field";
import { LogoutOtherSessions } from "../components/LogoutOtherSessions";
import { RecoveryRenewalNotice } from "../components/RecoveryRenewal";
import { SetupProgress, useSetup, WhenAsked } from "../components/Setup";
import Layout from "../Layout";
import { register } from "../webauthn/ceremony";
import type { PageProps } from "./PageProps";

const RESULT_FIELDS = ["clientDataJSON", "attestationObject", "publicKeyCredentialId", "transports", "authenticatorAttachment", "error"];

export default function WebauthnRegister({ kcContext, i18n }: PageProps<"webauthn-register.ftl">) {
  const { url, isSetRetry, isAppInitiatedAction, username } = kcContext;
  const { msg, msgStr } = i18n;
  const [working, setWorking] = useState(false);
  const setup = useSetup(kcContext, "webauthn", username);

  const onRegister = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    setWorking(true);
    const typed = (target.elements.namedItem("authenticatorLabel") as HTMLInputElement).value.trim();
    const label = typed || msgStr("webauthn-registration-init-label");
    const fields = await register(kcContext, label, msgStr("webauthn-unsupported-browser-text"));
    // requestSubmit() would land in this handler again; submit() posts as is.
    for (const [name, value] of Object.entries({ ...fields, authenticatorLabel: label })) {
      const input = target.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = value;
    }
    target.submit();
  };

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      headerNode={msg("kcaWebauthnRegisterTitle")}
      stepUp={setup.stepUp}
      stepUpText={msg("kcaStepUpSetupExplanation")}
      identity={setup.username}
      progressNode={<SetupProgress kcContext={kcContext} steps={setup.steps} i18n={i18n} />}
      focusHeading
      hideWarnings
    >
      <RecoveryRenewalNotice kcContext={kcContext} i18n={i18n} kind="webauthn" />
      <p className="kca-lead">{msg("kcaWebauthnRegisterIntro")}</p>
      <WhenAsked kcContext={kcContext} i18n={i18n} factor="webauthn" />
      <form id="register" className="kca-form" action={url.loginAction} method="post" onSubmit={onRegister}>
        {RESULT_FIELDS.map((name) => (
          <input key={name} type="hidden" id={name} name={name} defaultValue="" />
        ))}
        <Field
          id="authenticatorLabel"
          name="authenticatorLabel"
          type="text"
          autoComplete="off"
          maxLength={128}
          label={msg("kcaWebauthnLabel")}
          hint={msg("kcaWebauthnLabelHint")}
        />
        <LogoutOtherSessions i18n={i18n} />
        <div className="kca-actions">
          <button type="submit" id="registerWebAuthn" className="kca-button kca-primary" disabled={working}>
            {msg("kcaWebauthnRegisterButton")}
          </button>
        </div>
        {working && (
          <p className="kca-hint" role="status">
            {msg("kcaWebauthnWorking")}
          </p>
        )}
      </form>
      {!isSetRetry && isAppInitiatedAction && (
        <form id="kc-webauthn-settings-form" action={url.loginAction} method="post">
          <button type="submit" id="cancelWebAuthnAIA" name="cancel-aia" value="true" className="kca-button kca-secondary">
            {msg("kcaCancel")}
          </button>
        </form>
      )}
    </Layout>
  );
}
