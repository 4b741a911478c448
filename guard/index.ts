// The API-side step-up guard: verifies Keycloak access tokens and enforces the policy's route rules.
export { createGuard, type Authorized, type Guard, type GuardOptions, type GuardRequest, type GuardResult } from "./core/guard.js";
export { checkGuardPolicy, GuardPolicyError, type GuardLevel, type GuardPolicy, type GuardPolicyProblem, type RouteRule } from "./core/policy.js";
export type { AccessClaims } from "./core/claims.js";
export type { AnswerBody, GuardAnswer } from "./core/answers.js";
export type { TokenVerdict } from "./core/token.js";
export { ALGORITHMS, DEFAULT_ALGORITHMS } from "./core/algorithms.js";
export { JwksUnavailableError } from "./keys/jwks.js";
// The fetch adapter needs nothing beyond the platform. Express and Fastify are entries of their own
// (kc-assurance-guard/express, /fastify): their types are only needed by apps that use them.
export { withGuard } from "./adapters/fetch.js";
