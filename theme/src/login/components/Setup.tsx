// What every set-up page (authenticator app, security key, recovery codes) shares: whether it is
// part of a step-up, who is setting up (Keycloak names the user on some set-up pages only), where
// it stands among the set-up pages of this sign-in, and the sentence saying when the new method
// will be asked for, from the realm's policy facts.
import { useState } from "react";
import type { I18n } from "../i18n";
import type { KcContext } from "../KcContext";
import { askedOf, themePolicy, type EnrolledFactor } from "../policyFacts";
import { recordSetupStep, rememberedUsername, type SetupKind } from "../tabMemory";
import { useStepUp } from "../useStepUp";

export interface SetupState {
  readonly stepUp: boolean;
  readonly username: string | undefined;
  /** The set-up pages of this sign-in so far, this one last. */
  readonly steps: readonly SetupKind[];
}

export function useSetup(kcContext: KcContext, kind: SetupKind, knownUsername?: string): SetupState {
  const { loginAction } = kcContext.url;
  const stepUp = useStepUp(loginAction);
  const [steps] = useState(() => recordSetupStep(loginAction, kind));
  const [username] = useState(() => knownUsername || kcContext.auth?.attemptedUsername || rememberedUsername(loginAction));
  return { stepUp, username, steps };
}

const KIND_NAME = { totp: "kcaSetupKind_totp", webauthn: "kcaSetupKind_webauthn", "recovery-codes": "kcaSetupKind_recovery" } as const;

/**
 * "Account set-up, step 2 of 3 · Done: Authenticator app". The total comes from the server (our
 * provider counts the sign-in's required actions); without it the page counts what this tab has seen.
 */
export function SetupProgress({ kcContext, steps, i18n }: { kcContext: KcContext; steps: readonly SetupKind[]; i18n: I18n }) {
  const { msg, msgStr } = i18n;
  const done = steps.slice(0, -1);
  const server = kcContext.kcaSetup;
  return (
    <p className="kca-progress" id="kca-setup-progress" data-testid="setup-progress" data-step={server?.step ?? steps.length} data-of={server?.of}>
      <span>{server ? msg("kcaSetupStepOf", String(server.step), String(server.of)) : msg("kcaSetupStep", String(steps.length))}</span>
      {done.length > 0 && <span className="kca-progress-done">{msgStr("kcaSetupDone", done.map((k) => msgStr(KIND_NAME[k])).join(", "))}</span>}
    </p>
  );
}

const WHEN = {
  totp: { "every-sign-in": "kcaTotpWhenEverySignIn", "step-up": "kcaTotpWhenStepUp", depends: "kcaTotpWhenDepends", unknown: "kcaTotpWhenUnknown" },
  webauthn: { "every-sign-in": "kcaWebauthnWhenEverySignIn", "step-up": "kcaWebauthnWhenStepUp", depends: "kcaWebauthnWhenDepends", unknown: "kcaWebauthnWhenUnknown" },
} as const;

/** When the method being set up will be asked for, as the realm's policy says; a sentence true under any policy without it. */
export function WhenAsked({ kcContext, i18n, factor }: { kcContext: KcContext; i18n: I18n; factor: Extract<EnrolledFactor, "totp" | "webauthn"> }) {
  const asked = askedOf(themePolicy(kcContext), kcContext.kcaTiers, factor) ?? "unknown";
  return (
    <p className="kca-lead" id="kca-when-asked" data-testid="when-asked" data-asked={asked}>
      {i18n.msg(WHEN[factor][asked])}
    </p>
  );
}
