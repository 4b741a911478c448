// The post-login flow of an identity provider. Keycloak never resumes the browser flow after an
// identity provider's sign-in; it runs the provider's post-login flow instead, so this flow carries
// the ladder for brokered sign-ins:
//
//   kca-upstream-assurance {trust, levels, maxAge}  REQUIRED   reads the verified upstream token and
//                                                              records the levels its acr/amr reach,
//                                                              stamped with its auth_time (extensions/)
//   kca-tier-level {role, level}                    REQUIRED   one per tier above level 1, as in the browser flow
//   <level 1 tier steps>                                       what tiers add at level 1 (not its factor choice:
//                                                              the upstream sign-in is the first factor)
//   loa-K (subflow) CONDITIONAL, K = 2..n
//     conditional-level-of-authentication {K, maxAge}          runs when K is requested (tier included) and the
//                                                              upstream did not reach it recently enough
//     accept / reject: the level's local steps, as in the browser flow (enrolment included)
//     enforce: deny-access "kcaUpstreamMfaRequired"
//
// "reject" is the same flow with nothing counted above level 1. A level whose maxAge is 0 counts an
// upstream authentication of the last UPSTREAM_FRESH_SECONDS (Keycloak's condition compares whole
// seconds, so 0 would never hold across the redirect).
import { AUTHENTICATORS, AUTHENTICATOR_CONFIG_KEYS } from "../keycloak/providers.js";
import type { IdentityProviderRule, Policy } from "../policy/model.js";
import type { ExecutionNode, FlowTree } from "./flow-tree.js";
import { ladder } from "./ladder.js";
import { deny, levelCondition, tierLevels } from "./steps.js";

export const UPSTREAM_FRESH_SECONDS = 60;
const UPSTREAM = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.upstreamAssurance];

/** Providers the policy does not list are treated as "reject". */
export const UNLISTED: Omit<IdentityProviderRule, "alias"> = { trust: "reject", levels: [], maxAge: 0, request: [] };

export function compileBrokerFlow(policy: Policy, idp: Omit<IdentityProviderRule, "alias">): FlowTree {
  const steps = ladder(policy);
  const [first, ...higher] = policy.levels;
  const enforce = idp.trust === "enforce";
  const upstream: ExecutionNode = {
    kind: "execution",
    provider: AUTHENTICATORS.upstreamAssurance,
    requirement: "REQUIRED",
    config: {
      [UPSTREAM.trust]: idp.trust,
      [UPSTREAM.levels]: JSON.stringify(idp.levels.map((l) => ({ level: l.level.rank, acr: l.acr, amr: l.amr }))),
      [UPSTREAM.maxAge]: String(idp.maxAge),
    },
  };
  return {
    children: [
      upstream,
      ...tierLevels(policy),
      // Local steps on top of upstream MFA are not asked where the provider's word is enforced.
      ...(enforce ? [] : steps(first!, true)),
      ...higher.map((level) => ({
        kind: "subflow" as const,
        name: level.name,
        requirement: "CONDITIONAL" as const,
        children: [
          levelCondition(level, level.maxAge || UPSTREAM_FRESH_SECONDS),
          // Stryker disable next-line BooleanLiteral: only level 1 reads levelOneAsked
          ...(enforce ? [deny("kcaUpstreamMfaRequired")] : steps(level, true)),
        ],
      })),
    ],
  };
}
