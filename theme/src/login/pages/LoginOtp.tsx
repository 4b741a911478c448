// Sign-in code from an authenticator app (login-otp.ftl). Posts `otp` and, when the user has several
// apps, the chosen `selectedCredentialId`.
import { CodeField } from "../components/Field";
import Layout from "../Layout";
import { useStepUp } from "../useStepUp";
import type { PageProps } from "./PageProps";

export default function LoginOtp({ kcContext, i18n }: PageProps<"login-otp.ftl">) {
  const { url, otpLogin, messagesPerField } = kcContext;
  const { msg, msgStr } = i18n;
  const stepUp = useStepUp(url.loginAction);
  const credentials = otpLogin.userOtpCredentials;
  const selected = otpLogin.selectedCredentialId ?? credentials[0]?.id;
  const error = messagesPerField.existsError("totp") ? messagesPerField.get("totp") : undefined;

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      stepUp={stepUp}
      displayMessage={!error}
      headerNode={stepUp ? msg("kcaStepUpTitle") : msg("kcaOtpTitle")}
    >
      <form id="kc-otp-login-form" className="kca-form" action={url.loginAction} method="post">
        {credentials.length > 1 ? (
          <fieldset className="kca-choices" id="kc-otp-credentials">
            <legend>{msg("kcaOtpChooseDevice")}</legend>
            {credentials.map((credential, index) => (
              <div className="kca-choice" key={credential.id}>
                <input
                  type="radio"
                  id={`kc-otp-credential-${index}`}
                  name="selectedCredentialId"
                  value={credential.id}
                  defaultChecked={credential.id === selected}
                />
                <label htmlFor={`kc-otp-credential-${index}`}>
                  {credential.userLabel || msgStr("kcaOtpDeviceFallback", String(index + 1))}
                </label>
              </div>
            ))}
          </fieldset>
        ) : (
          <input type="hidden" id="selectedCredentialId" name="selectedCredentialId" value={selected ?? ""} />
        )}
        <CodeField
          id="otp"
          name="otp"
          label={msg("loginOtpOneTime")}
          hint={msg("kcaOtpHintGeneric")}
          error={error}
          autoFocus
        />
        {error && (
          <p className="kca-hint kca-clock-hint" id="kca-clock-hint" data-testid="clock-hint">
            {msg("kcaClockHint")}
          </p>
        )}
        <button type="submit" id="kc-login" name="login" className="kca-button kca-primary">
          {msg("kcaVerify")}
        </button>
      </form>
    </Layout>
  );
}
