// New recovery codes (login-recovery-authn-code-config.ftl), shown once: what they can and cannot
// do (from the realm's policy facts), the account and realm they belong to, copy, download and
// print; the user must confirm they stored them before the form can be sent. Posts
// `generatedRecoveryAuthnCodes`, `generatedAt`, `userLabel`, `logout-sessions` (and `cancel-aia`).
import { useState } from "react";
import { LogoutOtherSessions } from "../components/LogoutOtherSessions";
import { RecoveryCodesReplaced } from "../components/RecoveryRenewal";
import { SetupProgress, useSetup } from "../components/Setup";
import type { I18n } from "../i18n";
import type { KcContext } from "../KcContext";
import Layout from "../Layout";
import { themePolicy, type PolicyFactor } from "../policyFacts";
import { formatCode, recoveryCodesText } from "../recoveryCodes";
import type { PageProps } from "./PageProps";

const FACTOR_NAME = {
  password: "kcaFactor_password",
  totp: "kcaFactor_totp",
  webauthn: "kcaFactor_webauthn",
  passkey: "kcaFactor_passkey",
  "recovery-codes": "kcaFactor_recovery",
} as const satisfies Record<PolicyFactor, string>;

/** "A, B or C" in the page's language. */
function orList(i18n: I18n, factors: readonly PolicyFactor[]): string {
  const names = factors.map((f) => i18n.msgStr(FACTOR_NAME[f]));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${i18n.msgStr("kcaOr")} ${names.at(-1)}`;
}

/** What a recovery code can stand in for, and what it cannot, as the realm's policy says. */
export function RecoveryCodesScope({ kcContext, i18n }: { kcContext: KcContext; i18n: I18n }) {
  const facts = themePolicy(kcContext)?.recoveryCodes;
  const { msg } = i18n;
  if (!facts) {
    return (
      <p className="kca-lead" id="kca-recovery-scope" data-testid="recovery-scope" data-facts="none">
        {msg("kcaRecoveryScopeUnknown")}
      </p>
    );
  }
  const replaces = facts.replaces.filter((f) => f !== "recovery-codes");
  // The password is left out of what codes do not replace: no one takes a code for a password, and
  // the sentence's advice (keep a spare, the administrator resets it) is about devices.
  const notFor = facts.notFor.filter((f) => f !== "recovery-codes" && f !== "password");
  return (
    <div id="kca-recovery-scope" data-testid="recovery-scope" data-facts="policy">
      <p className="kca-lead">{replaces.length > 0 ? msg("kcaRecoveryScopeReplaces", orList(i18n, replaces)) : msg("kcaRecoveryScopeNone")}</p>
      {notFor.length > 0 && (
        <p className="kca-notice kca-notice-warning" data-testid="recovery-scope-limit">
          {msg("kcaRecoveryScopeNotFor", orList(i18n, notFor))}
        </p>
      )}
    </div>
  );
}

export default function LoginRecoveryAuthnCodeConfig({ kcContext, i18n }: PageProps<"login-recovery-authn-code-config.ftl">) {
  const { url, realm, recoveryAuthnCodesConfigBean: bean, isAppInitiatedAction } = kcContext;
  const { msg, msgStr } = i18n;
  const [confirmed, setConfirmed] = useState(false);
  const [copied, setCopied] = useState(false);
  const setup = useSetup(kcContext, "recovery-codes");
  const codes = bean.generatedRecoveryAuthnCodesList;
  const realmName = realm.displayName || realm.name;
  const generated = new Date(bean.generatedAt).toLocaleString(i18n.currentLanguage.languageTag);
  const account = setup.username ?? msgStr("kcaRecoveryAccountUnknown");

  const text = () =>
    recoveryCodesText(codes, {
      title: msgStr("kcaRecoveryFileTitle", realmName),
      account: msgStr("kcaRecoveryAccount", account),
      note: msgStr("kcaRecoveryFileNote"),
      date: msgStr("kcaRecoveryFileDate", generated),
    });

  const copy = async () => {
    await navigator.clipboard.writeText(text());
    setCopied(true);
  };

  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text()], { type: "text/plain;charset=utf-8" }));
    link.download = `recovery-codes-${realm.name}${setup.username ? `-${setup.username}` : ""}.txt`;
    link.click();
    // Revoked after the click has been handled, or some browsers download nothing.
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      headerNode={msg("kcaRecoveryTitle")}
      bodyClassName="kca-recovery-codes"
      stepUp={setup.stepUp}
      stepUpText={msg("kcaStepUpSetupExplanation")}
      identity={setup.username}
      progressNode={<SetupProgress kcContext={kcContext} steps={setup.steps} i18n={i18n} />}
      focusHeading
      hideWarnings
    >
      <RecoveryCodesReplaced kcContext={kcContext} i18n={i18n} />
      <RecoveryCodesScope kcContext={kcContext} i18n={i18n} />
      <p className="kca-lead" id="kca-recovery-intro">
        {msg("kcaRecoveryShownOnce")}
      </p>
      <section className="kca-sheet" aria-labelledby="kca-sheet-title">
        <h2 id="kca-sheet-title" className="kca-sheet-title">
          {msgStr("kcaRecoveryFileTitle", realmName)}
        </h2>
        <p className="kca-sheet-meta" id="kca-recovery-account" data-testid="recovery-account">
          {msgStr("kcaRecoveryAccount", account)}
          <br />
          {msgStr("kcaRecoveryFileDate", generated)}
        </p>
        <ol id="kc-recovery-codes-list" className="kca-codes" aria-label={msgStr("kcaRecoveryListLabel")} data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{formatCode(code)}</code>
            </li>
          ))}
        </ol>
        <p className="kca-hint kca-print-only">{msgStr("kcaRecoveryFileNote")}</p>
      </section>
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
          <input type="checkbox" id="kcRecoveryCodesConfirmationCheck" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
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
