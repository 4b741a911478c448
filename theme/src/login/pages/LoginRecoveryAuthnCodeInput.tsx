// Signing in with a recovery code (login-recovery-authn-code-input.ftl). Keycloak asks for the codes
// in order, so the page names the number. Posts `recoveryCodeInput`.
import { CodeField } from "../components/Field";
import Layout from "../Layout";
import { useStepUp } from "../useStepUp";
import type { PageProps } from "./PageProps";

export default function LoginRecoveryAuthnCodeInput({ kcContext, i18n }: PageProps<"login-recovery-authn-code-input.ftl">) {
  const { url, messagesPerField, recoveryAuthnCodesInputBean } = kcContext;
  const { msg } = i18n;
  const stepUp = useStepUp(url.loginAction);
  const number = String(recoveryAuthnCodesInputBean.codeNumber);
  const error = messagesPerField.existsError("recoveryCodeInput") ? messagesPerField.get("recoveryCodeInput") : undefined;

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      stepUp={stepUp}
      displayMessage={!error}
      headerNode={stepUp ? msg("kcaStepUpTitle") : msg("kcaRecoveryInputTitle")}
    >
      <p className="kca-lead" id="kca-recovery-code-number" data-testid="recovery-code-number" data-code-number={number}>
        {msg("kcaRecoveryInputIntro", number)}
      </p>
      <form id="kc-recovery-code-login-form" className="kca-form" action={url.loginAction} method="post">
        <CodeField
          id="recoveryCodeInput"
          name="recoveryCodeInput"
          numeric={false}
          label={msg("kcaRecoveryInputLabel", number)}
          error={error}
          autoFocus
        />
        <button type="submit" id="kc-login" name="login" className="kca-button kca-primary">
          {msg("kcaVerify")}
        </button>
      </form>
    </Layout>
  );
}
