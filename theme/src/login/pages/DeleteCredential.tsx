// "Remove …?" (delete-credential.ftl): an application asked Keycloak to remove one of the user's
// credentials (kc_action=delete_credential:<id>, as the account console does). Besides Keycloak's
// question, the page says what the removal means for this user's tier: our provider names the
// credential's type (kcaDeleting), what the user holds (kcaCredentials) and their tiers (kcaTiers);
// the realm's policy facts say what each tier must hold and when a factor is asked. Posts `accept`
// or `cancel-aia` to the required action.
import Layout from "../Layout";
import { askedOf, mustHold, themePolicy, type PolicyFactor } from "../policyFacts";
import type { PageProps } from "./PageProps";

/** Keycloak's credential types and the policy's factors. */
const FACTOR_OF_TYPE: Record<string, PolicyFactor> = {
  password: "password",
  otp: "totp",
  webauthn: "webauthn",
  "webauthn-passwordless": "passkey",
  "recovery-authn-codes": "recovery-codes",
};
/** Second sign-in methods: what a step after the password asks. */
const SECOND_FACTOR_TYPES = ["otp", "webauthn"];

const MUST_HOLD = {
  totp: "kcaDeleteMustHold_totp",
  webauthn: "kcaDeleteMustHold_webauthn",
  passkey: "kcaDeleteMustHold_passkey",
  "recovery-codes": "kcaDeleteMustHold_recovery",
} as const;

type Consequence = "must-hold" | "last-every-sign-in" | "last" | "last-codes" | "if-last";

/** What removing a credential of `type` means for this user, as far as the page can tell. */
export function deleteConsequence(kcContext: PageProps<"delete-credential.ftl">["kcContext"]): { kind: Consequence; factor?: PolicyFactor } | undefined {
  const type = kcContext.kcaDeleting;
  const held = kcContext.kcaCredentials;
  if (!type || !held) return { kind: "if-last" };
  const factor = FACTOR_OF_TYPE[type];
  if (!factor || factor === "password") return undefined;
  const facts = themePolicy(kcContext);
  const sameLeft = (held[type] ?? 1) - 1;
  if (sameLeft <= 0 && mustHold(facts, kcContext.kcaTiers, factor)) return { kind: "must-hold", factor };
  if (factor === "recovery-codes") return { kind: "last-codes", factor };
  const secondLeft = SECOND_FACTOR_TYPES.reduce((n, t) => n + (held[t] ?? 0), 0) - (SECOND_FACTOR_TYPES.includes(type) ? 1 : 0);
  if (!SECOND_FACTOR_TYPES.includes(type) || secondLeft > 0) return undefined;
  return { kind: askedOf(facts, kcContext.kcaTiers, factor as "totp" | "webauthn") === "every-sign-in" ? "last-every-sign-in" : "last", factor };
}

const CONSEQUENCE_MESSAGE = {
  "last-every-sign-in": "kcaDeleteLastEverySignIn",
  last: "kcaDeleteLast",
  "last-codes": "kcaDeleteLastCodes",
  "if-last": "kcaDeleteIfLast",
} as const;

export default function DeleteCredential({ kcContext, i18n }: PageProps<"delete-credential.ftl">) {
  const { url, credentialLabel, kcaDeleting } = kcContext;
  const { msg, msgStr } = i18n;
  // Without a name of its own, Keycloak's label is the credential's type.
  const named = { otp: "kcaSetupKind_totp", webauthn: "kcaSetupKind_webauthn", "recovery-authn-codes": "kcaSetupKind_recovery" } as const;
  const label = credentialLabel === kcaDeleting && kcaDeleting && kcaDeleting in named ? msgStr(named[kcaDeleting as keyof typeof named]) : credentialLabel;
  const consequence = deleteConsequence(kcContext);

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaDeleteTitle", label)}>
      <p className="kca-lead" id="kc-delete-text">
        {msg("kcaDeleteIntro", label)}
      </p>
      {consequence && (
        <p className="kca-notice kca-notice-warning" id="kca-delete-consequence" data-testid="delete-consequence" data-kind={consequence.kind}>
          {consequence.kind === "must-hold" ? msg(MUST_HOLD[consequence.factor as keyof typeof MUST_HOLD]) : msg(CONSEQUENCE_MESSAGE[consequence.kind])}
        </p>
      )}
      <form className="kca-form" action={url.loginAction} method="post" id="kca-delete-form">
        <div className="kca-actions">
          <button type="submit" className="kca-button kca-primary" name="accept" id="kc-accept" value={msgStr("doConfirmDelete")}>
            {msg("kcaDeleteConfirm")}
          </button>
          <button type="submit" className="kca-button kca-secondary" name="cancel-aia" id="kc-decline" value={msgStr("doCancel")} autoFocus>
            {msg("kcaDeleteKeep")}
          </button>
        </div>
      </form>
    </Layout>
  );
}
