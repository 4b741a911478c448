// Authenticator-app enrolment (login-config-totp.ftl): the apps, the QR code, a link that opens the
// app on this device, the key for manual entry, the first code, and a name for the device. Posts
// `totp`, `totpSecret`, `userLabel`, `mode`, `logout-sessions` and, when the app asked for this
// action, `cancel-aia`.
import { useState } from "react";
import { CodeField, Field } from "../components/Field";
import { LogoutOtherSessions } from "../components/LogoutOtherSessions";
import { RecoveryRenewalNotice } from "../components/RecoveryRenewal";
import { SetupProgress, useSetup, WhenAsked } from "../components/Setup";
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

type TotpPolicy = PageProps<"login-config-totp.ftl">["kcContext"]["totp"]["policy"];

/** The key in groups of four, as authenticator apps show it; spaces are ignored when typed in. */
export const groupKey = (key: string) => key.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");

/**
 * The algorithm's name as authenticator apps know it ("SHA1"). From `policy.algorithm`
 * ("HmacSHA1"): Keycloakify's page template fills `getAlgorithmKey()` in manual mode only and
 * returns "error" otherwise, so it must not be used.
 */
export const algorithmName = (policy: Pick<TotpPolicy, "algorithm">) => policy.algorithm.replace(/^Hmac/, "");

/**
 * The otpauth:// URI of the QR code, built as Keycloak builds it (OTPPolicy.getKeyURI): issuer is
 * the realm's display name (else its name) without colons; the label "issuer:username".
 */
export function otpauthUri(policy: TotpPolicy, secretEncoded: string, issuerName: string, username: string): string {
  const issuer = issuerName.replace(/:/g, "");
  const label = encodeURIComponent(`${issuer}:${username}`);
  const params = new URLSearchParams({ secret: secretEncoded.replace(/\s+/g, ""), digits: String(policy.digits), algorithm: algorithmName(policy), issuer });
  if (policy.type === "totp") params.set("period", String(policy.period));
  else params.set("counter", String(policy.initialCounter));
  return `otpauth://${policy.type}/${label}?${params.toString().replace(/\+/g, "%20")}`;
}

export default function LoginConfigTotp({ kcContext, i18n }: PageProps<"login-config-totp.ftl">) {
  const { url, realm, totp, mode, messagesPerField, isAppInitiatedAction } = kcContext;
  const { msg, msgStr, advancedMsgStr } = i18n;
  const { policy } = totp;
  const setup = useSetup(kcContext, "totp", totp.username);
  const codeError = messagesPerField.existsError("totp") ? messagesPerField.get("totp") : undefined;
  const labelError = messagesPerField.existsError("userLabel") ? messagesPerField.get("userLabel") : undefined;
  // Keycloak insists on a name once the user has another app, so the two can be told apart.
  const labelRequired = totp.otpCredentials.length >= 1;
  const algorithm = algorithmName(policy);
  // The manual key stays open across a wrong code: the form posts mode=manual while it is open,
  // and Keycloak sends the page back in that mode.
  const [manual, setManual] = useState(mode === "manual");
  const username = totp.username || setup.username;

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      displayMessage={!codeError && !labelError}
      headerNode={msg("kcaTotpSetupTitle")}
      stepUp={setup.stepUp}
      stepUpText={msg("kcaStepUpSetupExplanation")}
      identity={username}
      progressNode={<SetupProgress kcContext={kcContext} steps={setup.steps} i18n={i18n} />}
      focusHeading={!codeError && !labelError}
      hideWarnings
    >
      <RecoveryRenewalNotice kcContext={kcContext} i18n={i18n} kind="totp" />
      <WhenAsked kcContext={kcContext} i18n={i18n} factor="totp" />
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
          {username && (
            <p className="kca-hint">
              {msg("kcaTotpOnThisDevice")}{" "}
              <a id="kc-totp-app-link" data-testid="totp-app-link" href={otpauthUri(policy, totp.totpSecretEncoded, realm.displayName || realm.name, username)}>
                {msg("kcaTotpOpenApp")}
              </a>
            </p>
          )}
          <details className="kca-manual" id="kc-totp-manual" open={manual} onToggle={(e) => setManual(e.currentTarget.open)}>
            <summary>{msg("kcaTotpCantScan")}</summary>
            <p>
              {msg("kcaTotpManualKey")}:{" "}
              <code id="kc-totp-secret-key" data-testid="totp-secret" className="kca-secret">
                {groupKey(totp.totpSecretEncoded)
                  .split(" ")
                  .map((group, i) => (
                    <span key={i}>
                      {i > 0 && " "}
                      <span className="kca-secret-group">{group}</span>
                    </span>
                  ))}
              </code>
            </p>
            <p className="kca-hint" id="kc-totp-policy" data-testid="totp-policy">
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
              autoFocus={!!codeError}
            />
            {codeError && (
              <p className="kca-hint kca-clock-hint" id="kca-clock-hint" data-testid="clock-hint">
                {msg("kcaClockHint")}
              </p>
            )}
            <input type="hidden" id="totpSecret" name="totpSecret" value={totp.totpSecret} />
            {(manual || mode) && <input type="hidden" id="mode" name="mode" value={manual ? "manual" : (mode ?? "qr")} />}
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
              autoFocus={!codeError && !!labelError}
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
