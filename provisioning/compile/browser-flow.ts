// The browser flow a policy asks for. Shape (levels are Keycloak LoA numbers, 1 = lowest):
//
//   auth-cookie                                  ALTERNATIVE   SSO within each level's freshness
//   forms (subflow)                              ALTERNATIVE
//     auth-username-form                         REQUIRED      identifier first: tiers need the user
//     tier-N (subflow)                           CONDITIONAL   one per tier that forces more than level 1
//       conditional-user-role {tier role}
//       conditional-level-of-authentication x k  one per level up to the tier's: all true on a fresh
//                                                sign-in, and on success each records its level
//       tier-N-loa-K (subflow) REQUIRED           factors of level K the tier may use (ALTERNATIVE)
//       <required factor>                        REQUIRED      the tier's required factors
//     loa-K (subflow)                            CONDITIONAL   step-up ladder, ascending
//       conditional-level-of-authentication {K, maxAge}
//       loa-K-factors (subflow) REQUIRED         the level's factors (ALTERNATIVE)
//
// A tier whose sign-ins must block until enrolment has its required factors REQUIRED, so Keycloak
// asks the user to set them up before any token; otherwise they sit behind conditional-user-configured.
import { AUTHENTICATORS, AUTHENTICATOR_CONFIG_KEYS } from "../keycloak/providers.js";
import type { Factor, Level, Policy, Tier } from "../policy/model.js";
import type { ExecutionNode, FlowNode, FlowTree, Requirement } from "./flow-tree.js";

export const tierRole = (tier: Tier) => tier.role ?? `kca-tier-${tier.tier}`;

/** amr value each factor adds to tokens (RFC 8176 where it has one). */
export const AMR: Record<Factor, string> = {
  password: "pwd",
  totp: "otp",
  webauthn: "hwk",
  passkey: "hwk",
  "recovery-codes": "rc",
};

const FACTOR_PROVIDER: Record<Factor, string> = {
  password: AUTHENTICATORS.password,
  totp: AUTHENTICATORS.otp,
  webauthn: AUTHENTICATORS.webauthn,
  passkey: AUTHENTICATORS.passkey,
  "recovery-codes": AUTHENTICATORS.recoveryCode,
};

const LOA = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condLevel];
const ROLE = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condUserRole];

export function compileBrowserFlow(policy: Policy): FlowTree {
  // amr stays valid as long as the longest-lived level: a token minted from SSO keeps it.
  const amrMaxAge = String(Math.max(...policy.levels.map((l) => l.maxAge), 3600));
  const factor = (f: Factor, requirement: Requirement): ExecutionNode => ({
    kind: "execution",
    provider: FACTOR_PROVIDER[f],
    requirement,
    config: { "default.reference.value": AMR[f], "default.reference.maxAge": amrMaxAge },
  });
  const loaCondition = (level: Level): ExecutionNode => ({
    kind: "execution",
    provider: AUTHENTICATORS.condLevel,
    requirement: "REQUIRED",
    config: { [LOA.level]: String(level.rank), [LOA.maxAge]: String(level.maxAge) },
  });
  const choice = (name: string, factors: readonly Factor[]): FlowNode =>
    factors.length === 1
      ? factor(factors[0]!, "REQUIRED")
      : { kind: "subflow", name, requirement: "REQUIRED", children: factors.map((f) => factor(f, "ALTERNATIVE")) };

  const tierFlows: FlowNode[] = policy.tiers
    .filter((t) => t.level.rank > 1 || t.require.some((f) => f !== "password"))
    .map((t) => {
      // Recovery codes are a fallback, never asked at every sign-in.
      const required: Factor[] = t.require.filter((f) => f !== "password" && f !== "recovery-codes");
      const ladder = policy.levels.filter((l) => l.rank <= t.level.rank);
      // A level is already met by a required factor of its own; otherwise the user picks one the tier allows.
      const levelSteps = ladder
        .filter((l) => !(t.blockUntilEnrolled && l.factors.some((f) => required.includes(f))))
        .map((l) => ({ l, usable: l.factors.filter((f) => t.allow.includes(f)) }))
        .filter(({ usable }) => usable.length > 0)
        .map(({ l, usable }) => choice(`tier-${t.tier}-${l.name}`, usable));
      const requiredSteps: FlowNode[] = t.blockUntilEnrolled
        ? required.map((f) => factor(f, "REQUIRED"))
        : required.length
          ? [{
              kind: "subflow",
              name: `tier-${t.tier}-enrolled`,
              requirement: "CONDITIONAL",
              children: [
                { kind: "execution", provider: AUTHENTICATORS.condUserConfigured, requirement: "REQUIRED" },
                ...required.map((f) => factor(f, "REQUIRED")),
              ],
            }]
          : [];
      return {
        kind: "subflow",
        name: `tier-${t.tier}`,
        requirement: "CONDITIONAL",
        children: [
          { kind: "execution", provider: AUTHENTICATORS.condUserRole, requirement: "REQUIRED", config: { [ROLE.role]: tierRole(t), [ROLE.negate]: "false" } },
          ...ladder.map(loaCondition),
          ...levelSteps,
          ...requiredSteps,
        ],
      } satisfies FlowNode;
    });

  const ladderFlows: FlowNode[] = policy.levels.map((l) => ({
    kind: "subflow",
    name: l.name,
    requirement: "CONDITIONAL",
    children: [loaCondition(l), choice(`${l.name}-factors`, l.factors)],
  }));

  return {
    children: [
      { kind: "execution", provider: AUTHENTICATORS.cookie, requirement: "ALTERNATIVE" },
      {
        kind: "subflow",
        name: "forms",
        requirement: "ALTERNATIVE",
        children: [
          { kind: "execution", provider: AUTHENTICATORS.username, requirement: "REQUIRED" },
          ...tierFlows,
          ...ladderFlows,
        ],
      },
    ],
  };
}
