// Authenticator-app enrolment (login-config-totp.ftl): the apps, the QR code with the key for manual
// entry, the first code, and a name for the device. Posts `totp`, `totpSecret`, `userLabel`,
// `mode`, `logout-sessions` and, when the app asked for this action, `cancel-aia`.
import { CodeField, Field } from "../components/Field";
import { LogoutOtherSessions } from "../components/LogoutOtherSessions";
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

/** The key in groups of four, as authenticator apps show it; spaces are ignored when typed in. */
export const groupKey = (key: string) => key.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");

export default function LoginConfigTotp({ kcContext, i18n }: PageProps<"login-config-totp.ftl">) {
  const { url, totp, mode, messagesPerField, isAppInitiatedAction } = kcContext;
  const { msg, msgStr, advancedMsgStr } = i18n;
  const { policy } = totp;
  const codeError = messagesPerField.existsError("totp") ? messagesPerField.get("totp") : undefined;
  const labelError = messagesPerField.existsError("userLabel") ? messagesPerField.get("userLabel") : undefined;
  // Keycloak insists on a name once the user has another app, so the two can be told apart.
  const labelRequired = totp.otpCredentials.length >= 1;
  const algorithm = policy.getAlgorithmKey?.() ?? policy.algorithm.replace(/^Hmac/, "");

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      displayMessage={!codeError && !labelError}
      headerNode={msg("kcaTotpSetupTitle")}
    >
      <p className="kca-lead">{msg("kcaTotpSetupIntro")}</p>
      <ol className="kca-steps">
        <li>
          <p>{msg("kcaTotpStepInstall")}</p>
          <ul className="kca-apps" id="kc-totp-supported-apps">
            {totp.supportedApplications.map((app) => (
              <li key={app}>{advancedMsgStr(app)}</li>
            ))}
          </ul>
        </li>
        <li>
          <p>{msg("kcaTotpStepScan")}</p>
          <img
            id="kc-totp-qr-code"
            className="kca-qr"
            src={`data:image/png;base64, ${totp.totpSecretQrCode}`}
            alt={msgStr("kcaTotpQrAlt")}
            width={200}
            height={200}
          />
          <details className="kca-manual" id="kc-totp-manual" open={mode === "manual"}>
            <summary>{msg("kcaTotpCantScan")}</summary>
            <p>
              {msg("kcaTotpManualKey")}:{" "}
              <code id="kc-totp-secret-key" data-testid="totp-secret" className="kca-secret">
                {groupKey(totp.totpSecretEncoded)}
              </code>
            </p>
            <p className="kca-hint" id="kc-totp-policy">
              {policy.type === "totp"
                ? msgStr("kcaTotpManualDetails", "TOTP", algorithm, String(policy.digits), String(policy.period))
                : msgStr("kcaTotpManualDetailsHotp", "HOTP", algorithm, String(policy.digits), String(policy.initialCounter))}
            </p>
          </details>
        </li>
        <li>
          <p>{msg("kcaTotpStepCode")}</p>
          <form id="kc-totp-settings-form" className="kca-form" action={url.loginAction} method="post" noValidate>
            <CodeField
              id="totp"
              name="totp"
              label={msg("authenticatorCode")}
              error={codeError}
              maxLength={policy.digits}
              autoFocus
            />
            {codeError && (
              <p className="kca-hint kca-clock-hint" id="kca-clock-hint" data-testid="clock-hint">
                {msg("kcaClockHint")}
              </p>
            )}
            <input type="hidden" id="totpSecret" name="totpSecret" value={totp.totpSecret} />
            {mode && <input type="hidden" id="mode" name="mode" value={mode} />}
            <Field
              id="userLabel"
              name="userLabel"
              type="text"
              autoComplete="off"
              required={labelRequired}
              label={
                <>
                  {msg("kcaTotpDeviceName")}
                  {labelRequired && <span className="kca-required"> {msg("kcaTotpDeviceNameRequired")}</span>}
                </>
              }
              hint={msg("kcaTotpDeviceNameHint")}
              error={labelError}
            />
            <LogoutOtherSessions i18n={i18n} />
            <div className="kca-actions">
              <button type="submit" id="saveTOTPBtn" className="kca-button kca-primary">
                {msg("kcaFinishSetup")}
              </button>
              {isAppInitiatedAction && (
                <button type="submit" id="cancelTOTPBtn" name="cancel-aia" value="true" className="kca-button kca-secondary" formNoValidate>
                  {msg("kcaCancel")}
                </button>
              )}
            </div>
          </form>
        </li>
      </ol>
    </Layout>
  );
}
