// What a set-up page says when a recovery code was used in this sign-in, or when new codes replace
// codes the user already has. Our Keycloak provider tells the page (extensions/, RecoveryRenewal and
// kca-login-forms): `kcaRecoveryRenewal` lists the set-up actions a sign-in with a recovery code
// added (a new factor, then new codes); `kcaCredentials` counts what the user holds.
import type { I18n } from "../i18n";
import type { KcContext } from "../KcContext";

type Renewed = "totp" | "webauthn" | "recovery-codes";

const ACTION: Record<Renewed, string> = { totp: "CONFIGURE_TOTP", webauthn: "webauthn-register", "recovery-codes": "CONFIGURE_RECOVERY_AUTHN_CODES" };

/** The set-up actions a sign-in with a recovery code added, or undefined when no code was used. */
export function recoveryRenewal(kcContext: KcContext): readonly string[] | undefined {
  const list = kcContext.kcaRecoveryRenewal;
  return Array.isArray(list) && list.length > 0 ? list : undefined;
}

/** On a factor's set-up page: "you signed in with a recovery code, so set up a new app (then new codes)". */
export function RecoveryRenewalNotice({ kcContext, i18n, kind }: { kcContext: KcContext; i18n: I18n; kind: Exclude<Renewed, "recovery-codes"> }) {
  const renewal = recoveryRenewal(kcContext);
  if (!renewal?.includes(ACTION[kind])) return null;
  const { msg } = i18n;
  return (
    <div className="kca-notice" id="kca-recovery-renewal" data-testid="recovery-renewal" data-kind={kind}>
      <p>{msg(kind === "totp" ? "kcaRenewalTotp" : "kcaRenewalWebauthn")}</p>
      {renewal.includes(ACTION["recovery-codes"]) && <p>{msg("kcaRenewalCodesNext")}</p>}
    </div>
  );
}

/**
 * On the recovery-code set-up page: after a sign-in with a code, that these replace the old codes;
 * when the user already has codes (regenerating), that the old ones stop working. Without our
 * provider, a page the application asked for (regenerating from the account console) says it in
 * words true either way.
 */
export function RecoveryCodesReplaced({ kcContext, i18n }: { kcContext: KcContext; i18n: I18n }) {
  const { msg } = i18n;
  const afterCode = recoveryRenewal(kcContext)?.includes(ACTION["recovery-codes"]);
  const credentials = kcContext.kcaCredentials;
  const aia = kcContext.pageId === "login-recovery-authn-code-config.ftl" && kcContext.isAppInitiatedAction;
  const [key, why] = afterCode
    ? (["kcaRenewalCodes", "after-code"] as const)
    : credentials?.["recovery-authn-codes"]
      ? (["kcaRecoveryReplaces", "had-codes"] as const)
      : !credentials && aia
        ? (["kcaRecoveryReplacesIfAny", "unknown"] as const)
        : [undefined, undefined];
  if (!key) return null;
  return (
    <p className="kca-notice kca-notice-warning" id="kca-recovery-replaced" data-testid="recovery-replaced" data-why={why}>
      {msg(key)}
    </p>
  );
}
