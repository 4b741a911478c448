// New recovery codes (login-recovery-authn-code-config.ftl), shown once: copy, download and print,
// and the user must confirm they stored them before the form can be sent. Posts
// `generatedRecoveryAuthnCodes`, `generatedAt`, `userLabel`, `logout-sessions` (and `cancel-aia`).
import { useState } from "react";
import { LogoutOtherSessions } from "../components/LogoutOtherSessions";
import Layout from "../Layout";
import { formatCode, recoveryCodesText } from "../recoveryCodes";
import type { PageProps } from "./PageProps";

export default function LoginRecoveryAuthnCodeConfig({ kcContext, i18n }: PageProps<"login-recovery-authn-code-config.ftl">) {
  const { url, realm, recoveryAuthnCodesConfigBean: bean, isAppInitiatedAction } = kcContext;
  const { msg, msgStr } = i18n;
  const [confirmed, setConfirmed] = useState(false);
  const [copied, setCopied] = useState(false);
  const codes = bean.generatedRecoveryAuthnCodesList;

  const text = () =>
    recoveryCodesText(codes, {
      title: msgStr("kcaRecoveryFileTitle", realm.displayName || realm.name),
      note: msgStr("kcaRecoveryFileNote"),
      date: msgStr("kcaRecoveryFileDate", new Date(bean.generatedAt).toLocaleString(i18n.currentLanguage.languageTag)),
    });

  const copy = async () => {
    await navigator.clipboard.writeText(text());
    setCopied(true);
  };

  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text()], { type: "text/plain;charset=utf-8" }));
    link.download = `recovery-codes-${realm.name}.txt`;
    link.click();
    // Revoked after the click has been handled, or some browsers download nothing.
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaRecoveryTitle")} bodyClassName="kca-recovery-codes">
      <p className="kca-lead" id="kca-recovery-intro">
        {msg("kcaRecoveryIntro")}
      </p>
      <ol id="kc-recovery-codes-list" className="kca-codes" aria-label={msgStr("kcaRecoveryListLabel")} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{formatCode(code)}</code>
          </li>
        ))}
      </ol>
      <div className="kca-tools" role="group" aria-label={msgStr("kcaRecoveryListLabel")}>
        <button type="button" id="copyRecoveryCodes" className="kca-button kca-secondary" onClick={copy}>
          {copied ? msg("kcaCopied") : msg("kcaCopy")}
        </button>
        <button type="button" id="downloadRecoveryCodes" className="kca-button kca-secondary" onClick={download}>
          {msg("kcaDownload")}
        </button>
        <button type="button" id="printRecoveryCodes" className="kca-button kca-secondary" onClick={() => window.print()}>
          {msg("kcaPrint")}
        </button>
      </div>
      <p className="kca-visually-hidden" role="status">
        {copied ? msgStr("kcaCopied") : ""}
      </p>
      <form id="kc-recovery-codes-settings-form" className="kca-form" action={url.loginAction} method="post">
        <input type="hidden" name="generatedRecoveryAuthnCodes" value={bean.generatedRecoveryAuthnCodesAsString} />
        <input type="hidden" name="generatedAt" value={bean.generatedAt} />
        <input type="hidden" id="userLabel" name="userLabel" value={msgStr("recovery-codes-label-default")} />
        {/* No name: the confirmation gates the button and is not Keycloak's business. */}
        <div className="kca-check kca-confirm">
          <input
            type="checkbox"
            id="kcRecoveryCodesConfirmationCheck"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
            autoFocus
          />
          <label htmlFor="kcRecoveryCodesConfirmationCheck">{msg("kcaRecoveryConfirm")}</label>
        </div>
        <LogoutOtherSessions i18n={i18n} />
        <div className="kca-actions">
          <button type="submit" id="saveRecoveryAuthnCodesBtn" className="kca-button kca-primary" disabled={!confirmed}>
            {msg("kcaContinue")}
          </button>
          {isAppInitiatedAction && (
            <button type="submit" id="cancelRecoveryAuthnCodesBtn" name="cancel-aia" value="true" className="kca-button kca-secondary">
              {msg("kcaCancel")}
            </button>
          )}
        </div>
      </form>
    </Layout>
  );
}
