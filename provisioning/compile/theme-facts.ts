// What the login theme may tell users about the policy, handed over as the realm attribute
// `kcaThemePolicy` (theme/src/login/policyFacts.ts reads it; version 1). The pages must not guess
// whether a factor is asked at every sign-in or only on step-up, or what a recovery code replaces.
import type { Factor, Level, Policy } from "../policy/model.js";
import { placeRequiredFactors } from "./ladder.js";
import { tierRole } from "./steps.js";

export const THEME_FACTS_ATTRIBUTE = "kcaThemePolicy";

type Asked = "every-sign-in" | "step-up" | "depends";
const ENROLLED = ["totp", "webauthn", "passkey"] as const;

type AskedMap = Partial<Record<(typeof ENROLLED)[number], Asked>>;
/** Factors a tier must hold: one removed is set up again at the next sign-in, before any token. */
type MustHold = (typeof ENROLLED)[number] | "recovery-codes";

export interface ThemeFacts {
  readonly v: 1;
  /** Over everyone: "depends" where tiers differ. */
  readonly asked: AskedMap;
  /**
   * Per tier role, and for users in no tier: what a page tells a user whose tiers it knows (our
   * Keycloak provider names them, kcaTiers). A user in several tiers is asked what any of them asks.
   * `mustHold`: what the tier must have set up (a removed one is set up again at the next sign-in).
   */
  readonly tiers: readonly { readonly role: string; readonly asked: AskedMap; readonly mustHold: readonly MustHold[] }[];
  readonly noTier: AskedMap;
  readonly recoveryCodes: { readonly replaces: readonly Factor[]; readonly notFor: readonly Factor[] };
}

export function themeFacts(policy: Policy): ThemeFacts {
  const first = policy.levels[0]!;
  const placements = placeRequiredFactors(policy);
  // Who may set a factor up: each tier allowed it, and users in no tier (level 1, every factor).
  const groups: { role?: string; level: Level; allowed: readonly Factor[]; required: (f: Factor) => boolean }[] = [
    ...policy.tiers.map((t) => ({ role: tierRole(t), level: t.level, allowed: t.allow, required: (f: Factor) => placements.some((p) => p.tier === t && p.factors.includes(f)) })),
    { level: first, allowed: policy.enabledFactors, required: () => false },
  ];
  // Per group: once set up, is the factor asked at every sign-in (its level or the tier needs it)?
  const everySignIn = groups.map((g) =>
    new Map(ENROLLED.filter((f) => policy.enabledFactors.includes(f) && g.allowed.includes(f)).map((f) => [f, g.required(f) || policy.levels.some((l) => l.rank <= g.level.rank && l.factors.includes(f))])),
  );
  const askedOf = (every: readonly boolean[]): Asked | undefined =>
    !every.length ? undefined : every.every(Boolean) ? "every-sign-in" : every.some(Boolean) ? "depends" : "step-up";
  const askedMap = (maps: readonly Map<(typeof ENROLLED)[number], boolean>[]): AskedMap =>
    Object.fromEntries(ENROLLED.flatMap((f) => {
      const a = askedOf(maps.flatMap((m) => (m.has(f) ? [m.get(f)!] : [])));
      return a ? [[f, a]] : [];
    }));
  const withCodes = policy.levels.filter((l) => l.factors.includes("recovery-codes"));
  const without = policy.levels.filter((l) => !l.factors.includes("recovery-codes"));
  const unique = (fs: Factor[]) => [...new Set(fs)].filter((f) => f !== "recovery-codes");
  return {
    v: 1,
    asked: askedMap(everySignIn),
    tiers: policy.tiers.map((t) => ({
      role: tierRole(t),
      asked: askedMap([everySignIn[policy.tiers.indexOf(t)]!]),
      mustHold: t.blockUntilEnrolled ? t.require.filter((f): f is MustHold => f !== "password") : [],
    })),
    noTier: askedMap([everySignIn.at(-1)!]),
    recoveryCodes: { replaces: unique(withCodes.flatMap((l) => [...l.factors])), notFor: unique(without.flatMap((l) => [...l.factors])) },
  };
}
