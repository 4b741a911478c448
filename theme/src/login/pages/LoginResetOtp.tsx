// Choosing which authenticator app to remove in the reset-credentials flow (login-reset-otp.ftl).
// Posts `selectedCredentialId`.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function LoginResetOtp({ kcContext, i18n }: PageProps<"login-reset-otp.ftl">) {
  const { url, configuredOtpCredentials, messagesPerField } = kcContext;
  const { msg, msgStr } = i18n;
  const { userOtpCredentials, selectedCredentialId } = configuredOtpCredentials;
  const selected = selectedCredentialId || userOtpCredentials[0]?.id;

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      displayMessage={!messagesPerField.existsError("totp")}
      headerNode={msg("kcaResetOtpTitle")}
    >
      <form id="kc-otp-reset-form" className="kca-form" action={url.loginAction} method="post">
        <fieldset className="kca-choices">
          <legend id="kc-otp-reset-form-description">{msg("kcaResetOtpIntro")}</legend>
          {userOtpCredentials.map((credential, index) => (
            <div className="kca-choice" key={credential.id}>
              <input
                type="radio"
                id={`kc-otp-credential-${index}`}
                name="selectedCredentialId"
                value={credential.id}
                defaultChecked={credential.id === selected}
                autoFocus={credential.id === selected}
              />
              <label htmlFor={`kc-otp-credential-${index}`}>
                {credential.userLabel || msgStr("kcaOtpDeviceFallback", String(index + 1))}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" id="kc-otp-reset-form-submit" className="kca-button kca-primary">
          {msg("doSubmit")}
        </button>
      </form>
    </Layout>
  );
}
