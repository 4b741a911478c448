// Signing in with a recovery code (login-recovery-authn-code-input.ftl). Keycloak asks for the codes
// in order, so the page names the number. What is unambiguous in the typed code (case, spaces,
// dashes) is corrected before posting; a code that cannot be one (wrong length, a letter Keycloak
// never uses) is refused here with the format, so it does not count as a failed attempt. Posts
// `recoveryCodeInput`.
import { useState, type FormEvent } from "react";
import { CodeField } from "../components/Field";
import Layout from "../Layout";
import { normaliseRecoveryCode, RECOVERY_CODE_LENGTH } from "../recoveryCodes";
import { useStepUp } from "../useStepUp";
import type { PageProps } from "./PageProps";

export default function LoginRecoveryAuthnCodeInput({ kcContext, i18n }: PageProps<"login-recovery-authn-code-input.ftl">) {
  const { url, messagesPerField, recoveryAuthnCodesInputBean } = kcContext;
  const { msg, msgStr } = i18n;
  const stepUp = useStepUp(url.loginAction);
  const number = String(recoveryAuthnCodesInputBean.codeNumber);
  const serverError = messagesPerField.existsError("recoveryCodeInput") ? messagesPerField.get("recoveryCodeInput") : undefined;
  const [formatError, setFormatError] = useState<string>();
  const error = formatError ?? serverError;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("recoveryCodeInput") as HTMLInputElement;
    const result = normaliseRecoveryCode(input.value);
    if (!result.ok) {
      event.preventDefault();
      setFormatError(msgStr(result.problem === "characters" ? "kcaRecoveryCodeCharacters" : "kcaRecoveryCodeLength", String(RECOVERY_CODE_LENGTH)));
      input.focus();
      return;
    }
    input.value = result.code;
  };

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
      <form id="kc-recovery-code-login-form" className="kca-form" action={url.loginAction} method="post" onSubmit={onSubmit} noValidate>
        <CodeField
          id="recoveryCodeInput"
          name="recoveryCodeInput"
          numeric={false}
          label={msg("kcaRecoveryInputLabel", number)}
          hint={msg("kcaRecoveryCodeFormat")}
          error={error}
          onInput={() => setFormatError(undefined)}
          autoFocus
        />
        <button type="submit" id="kc-login" name="login" className="kca-button kca-primary">
          {msg("kcaVerify")}
        </button>
      </form>
    </Layout>
  );
}
