// The step-up ladder both of our flows run: per level, what a user who has not reached it is asked
// (the level's factors, a tier's required factors and their enrolment, allow lists, refusals).
// The browser flow (browser-flow.ts) and each identity provider's post-login flow (broker-flow.ts)
// wrap these steps in their own level conditions.
import { AUTHENTICATORS, AUTHENTICATOR_CONFIG_KEYS } from "../keycloak/providers.js";
import type { Factor, Level, Policy, Tier } from "../policy/model.js";
import { FLOW_ALIAS_PLACEHOLDER, type ExecutionNode, type FlowNode, type Requirement } from "./flow-tree.js";
import { amrMaxAge, deny, factorStep, hasCredential, roleCondition, usedPasskey, userConfigured } from "./steps.js";

/** Passkeys are offered on the first page (and in its username autofill) when level 1 lists them. */
export const passkeysOnFirstPage = (policy: Policy): boolean => policy.levels[0]!.factors.includes("passkey");

/**
 * Level 1 is the password alone, for every tier: the first page then asks username and password
 * together (Keycloak's one-page form), a request less per sign-in than asking the username first.
 * The username comes first only where the first page needs the user's choice (passkeys on it).
 */
export const onePageSignIn = (policy: Policy): boolean => {
  const first = policy.levels[0]!;
  return first.factors.length === 1 && first.factors[0] === "password" && policy.tiers.every((t) => t.allow.includes("password"));
};

const EXECUTED = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condSubflowExecuted];

interface Placement {
  readonly tier: Tier;
  readonly level: Level;
  readonly factors: Factor[];
  /** Replaces the level's any-one choice for the tier (the factor belongs to the level). */
  readonly replaces: boolean;
}

/**
 * Where each tier's required factors are asked: at the highest level up to the tier's own whose
 * factors include it (so a factor is asked once); else at level 1, in addition to its factors.
 * Recovery codes are a fallback and are never required at every sign-in.
 */
export function placeRequiredFactors(policy: Policy): Placement[] {
  const placements: Placement[] = [];
  for (const tier of policy.tiers) {
    for (const f of tier.require) {
      if (f === "password" || f === "recovery-codes") continue;
      const home = [...policy.levels].reverse().find((l) => l.rank > 1 && l.rank <= tier.level.rank && l.factors.includes(f));
      const level = home ?? policy.levels[0]!;
      const replaces = home !== undefined && tier.blockUntilEnrolled;
      const existing = placements.find((p) => p.tier === tier && p.level === level && p.replaces === replaces);
      if (existing) existing.factors.push(f);
      else placements.push({ tier, level, factors: [f], replaces });
    }
  }
  return placements;
}

/**
 * What a level asks of a user who has not reached it, after its condition. `levelOneAsked`: the
 * sign-in answered level 1's factor choice before the levels (and, through a provider, passkeys
 * on our first page): on our one-page form, whose password that is (onePageSignIn), or at an
 * identity provider, whose sign-in stands for it (its post-login flow). Tiers' own steps are asked
 * all the same. Only level 1 reads it.
 */
export type LevelSteps = (level: Level, levelOneAsked: boolean) => FlowNode[];

export function ladder(policy: Policy): LevelSteps {
  /**
   * Where a tier sets up a factor it must hold: the highest level up to the tier's that lists it,
   * else the tier's own. Keycloak takes the level needed to delete a credential from the last level
   * subflow its form appears in, so a form placed above the factor's levels would make deleting it
   * ask for more than the factor gives.
   */
  const factorHome = (tier: Tier, f: Factor): Level =>
    [...policy.levels].reverse().find((l) => l.rank <= tier.level.rank && l.factors.includes(f)) ?? tier.level;
  const maxAge = amrMaxAge(policy);
  const factor = (f: Factor, requirement: Requirement, provider?: string): ExecutionNode => factorStep(f, requirement, maxAge, provider);
  const placements = placeRequiredFactors(policy);
  // Any one of the factors, or the sole factor required.
  const anyOne = (factors: readonly Factor[]): FlowNode[] =>
    factors.length === 1 ? [factor(factors[0]!, "REQUIRED")] : factors.map((f) => factor(f, "ALTERNATIVE"));

  /**
   * Level 1 when the first page offers passkeys: a passkey used there counts as the level's passkey
   * (allow-access carrying its amr), and is refused for tiers whose allow list leaves passkeys out.
   */
  const firstPagePasskey = (level: Level): FlowNode[] => {
    const notAllowed = policy.tiers.filter((t) => !t.allow.includes("passkey"));
    return [
      {
        kind: "subflow",
        name: `${level.name}-first-page-passkey`,
        requirement: "CONDITIONAL",
        children: [usedPasskey(true), ...notAllowed.map((t) => roleCondition(t, true)), factor("passkey", "REQUIRED", AUTHENTICATORS.allow)],
      },
      ...notAllowed.map((t): FlowNode => ({
        kind: "subflow",
        name: `${level.name}-tier-${t.tier}-first-page-passkey`,
        requirement: "CONDITIONAL",
        children: [usedPasskey(true), roleCondition(t, false), deny("kcaPasskeyNotAllowed")],
      })),
    ];
  };

  /**
   * The level's any-one choice for the users `conditions` select. Keycloak fails a sign-in (as a
   * wrong password) when a user has none of the factors; with "enroll", users without any go
   * through a step that makes them set the first one up.
   */
  const choice = (level: Level, name: string, conditions: ExecutionNode[], factors: readonly Factor[]): FlowNode[] => {
    if (factors.length === 0) return [{ kind: "subflow", name, requirement: "CONDITIONAL", children: [...conditions, deny("kcaLevelNotAllowed")] }];
    const enrolFactor = level.rank > 1 && policy.missingFactor === "enroll" ? factors.find((f) => f === "totp" || f === "webauthn" || f === "passkey") : undefined;
    if (enrolFactor) {
      return [
        { kind: "subflow", name, requirement: "CONDITIONAL", children: [...conditions, userConfigured, ...anyOne(factors)] },
        {
          kind: "subflow",
          name: `${name}-enrol`,
          requirement: "CONDITIONAL",
          children: [
            ...conditions,
            { kind: "execution", provider: AUTHENTICATORS.condSubflowExecuted, requirement: "REQUIRED", config: { [EXECUTED.flow]: `${FLOW_ALIAS_PLACEHOLDER} ${name}`, [EXECUTED.result]: "not-executed" } },
            factor(enrolFactor, "REQUIRED"),
          ],
        },
      ];
    }
    return [conditions.length
      ? { kind: "subflow", name, requirement: "CONDITIONAL", children: [...conditions, ...anyOne(factors)] }
      : { kind: "subflow", name: `${level.name}-factors`, requirement: "REQUIRED", children: anyOne(factors) }];
  };

  const steps = (level: Level, levelOneAsked: boolean): FlowNode[] => {
    const here = placements.filter((p) => p.level === level);
    const replaced = here.filter((p) => p.replaces).map((p) => p.tier);
    // Tiers that may use only some of the level's factors choose among those, on their own.
    const restricted = policy.tiers.filter((t) => !replaced.includes(t) && level.factors.some((f) => !t.allow.includes(f)));
    const firstLevel = level === policy.levels[0];
    const firstPage = !levelOneAsked && firstLevel && passkeysOnFirstPage(policy);
    // With passkeys on the first page, the level's usual choice is for users who did not use one there.
    const notFirstPagePasskey = firstPage ? [usedPasskey(false)] : [];
    const choices: FlowNode[] = levelOneAsked && firstLevel ? [] : [
      ...choice(level, `${level.name}-any`, [...notFirstPagePasskey, ...[...replaced, ...restricted].map((t) => roleCondition(t, true))], level.factors),
      ...restricted.flatMap((t) => choice(level, `${level.name}-tier-${t.tier}-allowed`, [...notFirstPagePasskey, roleCondition(t, false)], level.factors.filter((f) => t.allow.includes(f)))),
    ];
    // A tier's required factor: set up when missing; once set up, recovery codes stand in for it
    // where the level lists them (a user without their phone).
    const fallback = (t: Tier) => level.factors.includes("recovery-codes") && t.allow.includes("recovery-codes");
    const required = (t: Tier, f: Factor): FlowNode[] =>
      fallback(t) && f !== "recovery-codes"
        ? [
            { kind: "subflow", name: `${level.name}-tier-${t.tier}-${f}-setup`, requirement: "CONDITIONAL", children: [hasCredential(f, true), factor(f, "REQUIRED")] },
            { kind: "subflow", name: `${level.name}-tier-${t.tier}-${f}`, requirement: "CONDITIONAL", children: [hasCredential(f, false), factor(f, "ALTERNATIVE"), factor("recovery-codes", "ALTERNATIVE")] },
          ]
        : [factor(f, "REQUIRED")];
    const tierFlows: FlowNode[] = here.map((p) => ({
      kind: "subflow",
      name: `${level.name}-tier-${p.tier.tier}${p.replaces ? "" : "-extra"}`,
      requirement: "CONDITIONAL",
      children: [
        roleCondition(p.tier, false),
        ...(p.tier.blockUntilEnrolled ? [] : [userConfigured]),
        ...(p.replaces ? p.factors.flatMap((f) => required(p.tier, f)) : p.factors.map((f) => factor(f, "REQUIRED"))),
      ],
    }));
    // Recovery codes a tier must hold: set up once, never asked for there.
    const recoveryEnrolment: FlowNode[] = policy.tiers
      .filter((t) => factorHome(t, "recovery-codes") === level && t.blockUntilEnrolled && t.require.includes("recovery-codes"))
      .map((t) => ({
        kind: "subflow",
        name: `${level.name}-tier-${t.tier}-recovery-codes`,
        requirement: "CONDITIONAL",
        children: [
          roleCondition(t, false),
          hasCredential("recovery-codes", true),
          factor("recovery-codes", "REQUIRED"),
        ],
      }));
    return [...(firstPage ? firstPagePasskey(level) : []), ...choices, ...tierFlows, ...recoveryEnrolment];
  };

  return steps;
}
