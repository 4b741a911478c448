// What the login theme may tell users about the policy, handed over as the realm attribute
// `kcaThemePolicy` (theme/src/login/policyFacts.ts reads it; version 1). The pages must not guess
// whether a factor is asked at every sign-in or only on step-up, or what a recovery code replaces.
import type { Factor, Level, Policy } from "../policy/model.js";
import { placeRequiredFactors } from "./ladder.js";

export const THEME_FACTS_ATTRIBUTE = "kcaThemePolicy";

type Asked = "every-sign-in" | "step-up" | "depends";
const ENROLLED = ["totp", "webauthn", "passkey"] as const;

export interface ThemeFacts {
  readonly v: 1;
  readonly asked: Partial<Record<(typeof ENROLLED)[number], Asked>>;
  readonly recoveryCodes: { readonly replaces: readonly Factor[]; readonly notFor: readonly Factor[] };
}

export function themeFacts(policy: Policy): ThemeFacts {
  const first = policy.levels[0]!;
  const placements = placeRequiredFactors(policy);
  // Who may set a factor up: each tier allowed it, and users in no tier (level 1, every factor).
  const groups: { level: Level; allowed: readonly Factor[]; required: (f: Factor) => boolean }[] = [
    ...policy.tiers.map((t) => ({ level: t.level, allowed: t.allow, required: (f: Factor) => placements.some((p) => p.tier === t && p.factors.includes(f)) })),
    { level: first, allowed: policy.enabledFactors, required: () => false },
  ];
  const asked: ThemeFacts["asked"] = {};
  for (const f of ENROLLED) {
    if (!policy.enabledFactors.includes(f)) continue;
    const every = groups
      .filter((g) => g.allowed.includes(f))
      .map((g) => g.required(f) || policy.levels.some((l) => l.rank <= g.level.rank && l.factors.includes(f)));
    if (every.length) asked[f] = every.every(Boolean) ? "every-sign-in" : every.some(Boolean) ? "depends" : "step-up";
  }
  const withCodes = policy.levels.filter((l) => l.factors.includes("recovery-codes"));
  const without = policy.levels.filter((l) => !l.factors.includes("recovery-codes"));
  const unique = (fs: Factor[]) => [...new Set(fs)].filter((f) => f !== "recovery-codes");
  return {
    v: 1,
    asked,
    recoveryCodes: { replaces: unique(withCodes.flatMap((l) => [...l.factors])), notFor: unique(without.flatMap((l) => [...l.factors])) },
  };
}
