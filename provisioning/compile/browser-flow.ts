// The browser flow a policy asks for. Keycloak's step-up ladder (one conditional subflow per level,
// ascending) does the work; each level's condition appears exactly once, because Keycloak fails
// (discovery and SSO included) when a flow holds two conditions for the same level.
//
//   kca-upstream-request {level: acr_values}     ALTERNATIVE   when providers have "request": what they are
//                                                              asked for at the client's level (extensions/)
//   auth-cookie                                  ALTERNATIVE   SSO within each level's freshness
//   identity-provider-redirector                 ALTERNATIVE   kc_idp_hint: straight to that provider
//   forms (subflow)                              ALTERNATIVE
//     auth-username-form                         REQUIRED      identifier first: tiers need the user
//     kca-tier-level {role, level}               REQUIRED      one per tier above level 1: raises the
//                                                              level this sign-in must reach (extensions/)
//     loa-K (subflow)                            CONDITIONAL   K = 1..n
//       conditional-level-of-authentication {K, maxAge}
//       auth-username-password-form REQUIRED      K = 1 when level 1 is the password alone (onePageSignIn):
//                                                 one page for both, level 1's choice made there; the
//                                                 username form goes and kca-tier-level follows loa1
//       loa-K-factors (subflow) REQUIRED          the level's factors, any one (ALTERNATIVE)
//         or, when a tier must use given factors at this level:
//       loa-K-any (subflow) CONDITIONAL           users of none of those tiers: any one factor
//       loa-K-tier-N (subflow) CONDITIONAL        users of tier N: its required factors, all REQUIRED
//       loa-K-tier-N-extra (subflow) CONDITIONAL  tier N factors outside the level's set, or asked only
//                                                 once enrolled (conditional-user-configured)
//       loa-K-tier-N-recovery-codes (subflow)     for users without recovery codes: the code form
//                                                 REQUIRED, so Keycloak has them set up
//       loa-K-tier-N-allowed (subflow) CONDITIONAL users of a tier whose allow list leaves out some of
//                                                 the level's factors: any one of the rest (or denied)
//     With stepUp.missingFactor "enroll", loa-K-any also requires that the user has one of the factors
//     (conditional-user-configured), and loa-K-enrol, run when loa-K-any did not, sets one up.
//     When level 1 lists passkeys, the realm offers them on the first page (the username form), and
//     level 1 opens with how the user signed in there:
//       loa1-first-page-passkey (subflow) CONDITIONAL   signed in with a passkey: allow-access carrying
//                                                       the passkey's amr (tiers allowed passkeys)
//       loa1-tier-N-first-page-passkey (subflow)        the same, for a tier whose allow list leaves
//                                                       passkeys out: denied
//     and the level's choices run only for users who did not (conditional-credential). Without this,
//     Keycloak's password form passes a passkey user without a password: "pwd" in amr, and tiers not
//     allowed passkeys signed in with one.
//
// A REQUIRED factor the user has not set up makes Keycloak ask them to enrol it before any token.
import { AUTHENTICATORS, AUTHENTICATOR_CONFIG_KEYS } from "../keycloak/providers.js";
import type { Policy } from "../policy/model.js";
import type { FlowNode, FlowTree } from "./flow-tree.js";
import { ladder, onePageSignIn } from "./ladder.js";
import { amrMaxAge, factorStep, levelCondition, tierLevels } from "./steps.js";

/**
 * What providers are asked for per level (validation made the providers agree), written before
 * anything else so that it is there whichever way the user reaches a provider; always "attempted".
 */
function upstreamRequest(policy: Policy): FlowNode[] {
  const asked = Object.fromEntries(policy.identityProviders.flatMap((idp) => idp.request.map((r) => [String(r.level.rank), r.acrValues])));
  if (Object.keys(asked).length === 0) return [];
  const key = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.upstreamRequest].request;
  return [{ kind: "execution", provider: AUTHENTICATORS.upstreamRequest, requirement: "ALTERNATIVE", config: { [key]: JSON.stringify(asked) } }];
}

/** The level subflows, and what the first page asks before them: the username, or nothing when level 1 asks it with the password. */
function forms(policy: Policy): FlowNode[] {
  const steps = ladder(policy);
  const onePage = onePageSignIn(policy);
  const [first, ...above] = policy.levels.map((level, i) => ({
    kind: "subflow" as const,
    name: level.name,
    requirement: "CONDITIONAL" as const,
    children: [
      levelCondition(level, level.maxAge),
      ...(onePage && i === 0 ? [factorStep("password", "REQUIRED", amrMaxAge(policy), AUTHENTICATORS.usernamePassword)] : []),
      ...steps(level, onePage),
    ],
  }));
  // kca-tier-level needs the user, and must run before the levels it raises the sign-in to.
  return onePage
    ? [first!, ...tierLevels(policy), ...above]
    : [{ kind: "execution", provider: AUTHENTICATORS.username, requirement: "REQUIRED" }, ...tierLevels(policy), first!, ...above];
}

export function compileBrowserFlow(policy: Policy): FlowTree {
  return {
    children: [
      ...upstreamRequest(policy),
      { kind: "execution", provider: AUTHENTICATORS.cookie, requirement: "ALTERNATIVE" },
      // kc_idp_hint: straight to that identity provider, whose post-login flow then runs the ladder.
      { kind: "execution", provider: AUTHENTICATORS.idpRedirector, requirement: "ALTERNATIVE" },
      {
        kind: "subflow",
        name: "forms",
        requirement: "ALTERNATIVE",
        children: forms(policy),
      },
    ],
  };
}
