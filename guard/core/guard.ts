// The guard: one request in (method, target, Authorization header), one decision out. Framework
// adapters only translate their request into this and the answer back.
import { ALGORITHMS, DEFAULT_ALGORITHMS } from "./algorithms.js";
import { badRequestPath, forbidden, invalidToken, keysUnavailable, noRuleAllows, stepUp, tokenMissing, type GuardAnswer } from "./answers.js";
import type { AccessClaims } from "./claims.js";
import { checkGuardPolicy, GuardPolicyError, type GuardPolicy, type RouteRule } from "./policy.js";
import { combine, judge, ladderIndex } from "./requirements.js";
import { readRequestPath, routeTable } from "./routes.js";
import { tokenVerifier, type TokenVerdict } from "./token.js";
import { JwksUnavailableError, keyStore } from "../keys/jwks.js";

export interface GuardOptions {
  readonly policy: GuardPolicy;
  /** The realm's issuer, e.g. https://sso.example.com/realms/acme; tokens must name it exactly. */
  readonly issuer: string;
  /** Default: Keycloak's `${issuer}/protocol/openid-connect/certs`. */
  readonly jwksUri?: string;
  /** Accepted signature algorithms, from RS256/384/512, PS256/384/512, ES256/384/512, EdDSA, Ed25519. */
  readonly algorithms?: readonly string[];
  /** Leeway for exp and nbf against clocks that drift; default 30 s. */
  readonly clockSkewSeconds?: number;
  /**
   * Requests no rule matches: "authenticate" (default) lets any valid token through, "allow" lets
   * them through without looking, "deny" refuses them with 403. "deny" when the policy names every
   * route of the API: a route left out then answers 403, not 200 (guard/README.md, "Routes no rule names").
   */
  readonly unmatched?: "authenticate" | "allow" | "deny";
  /** Key-set fetching: the least time between refetches for unknown kids (default 10 s) and the age that triggers a background refresh (default 600 s). */
  readonly jwks?: { readonly cooldownSeconds?: number; readonly maxAgeSeconds?: number };
  /** For tests: the fetch used for the key set, and the clock in milliseconds. */
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export interface GuardRequest {
  readonly method: string;
  /**
   * The request target the framework routes on: a path with optional query, as received (e.g.
   * fastify's `url`, express's `baseUrl + url`). Anything but a plain path is refused with 400.
   */
  readonly target: string;
  /** The Authorization header, if any. */
  readonly authorization: string | undefined;
}

/** A request the guard lets through; `claims` is absent only for requests let through unchecked. */
export interface Authorized {
  readonly claims?: AccessClaims;
  /** The rules that applied. */
  readonly rules: readonly RouteRule[];
}

export type GuardResult = { readonly ok: true; readonly auth: Authorized } | { readonly ok: false; readonly answer: GuardAnswer };

export interface Guard {
  authorize(request: GuardRequest): Promise<GuardResult>;
  /**
   * Only the token checks (signature, issuer, audience, lifetime, type), no route rules. The verdict
   * comes at once when the signing key is cached, as a promise when the key set must be fetched
   * (which may reject with JwksUnavailableError); `await` takes both.
   */
  verify(token: string): TokenVerdict | Promise<TokenVerdict>;
}

// RFC 6750 §2.1: the scheme, then a b64token. Whether that is a JWS spelled the one accepted way
// (unpadded canonical base64url) is the token verifier's to say, with a reason.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function createGuard(options: GuardOptions): Guard {
  const problems = checkGuardPolicy(options.policy);
  if (problems.length) throw new GuardPolicyError(problems);
  const algorithms = options.algorithms ?? DEFAULT_ALGORITHMS;
  const unknown = algorithms.filter((a) => !Object.hasOwn(ALGORITHMS, a));
  if (unknown.length || algorithms.length === 0) {
    throw new Error(`algorithms must be chosen from ${Object.keys(ALGORITHMS).join(", ")}; not accepted: ${unknown.join(", ") || "(none given)"}`);
  }
  const now = options.now ?? Date.now;
  const { policy } = options;
  const keys = keyStore({
    jwksUri: options.jwksUri ?? `${options.issuer}/protocol/openid-connect/certs`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now,
    ...options.jwks,
  });
  const tokens = tokenVerifier(
    { issuer: options.issuer, audience: policy.audience, clockSkewSeconds: options.clockSkewSeconds ?? 30, algorithms },
    keys,
  );
  const routes = routeTable(policy.routes);
  const index = ladderIndex(policy.levels);
  const unmatched = options.unmatched ?? "authenticate";
  const refused = (answer: GuardAnswer): GuardResult => ({ ok: false, answer });

  const verify = (token: string) => tokens.verify(token, Math.floor(now() / 1000));

  return {
    verify,
    async authorize(request) {
      const path = readRequestPath(request.target);
      if (!path.ok) return refused(badRequestPath(path.reason));
      const rules = routes.match(request.method, path.segments);
      if (rules.length === 0 && unmatched !== "authenticate") {
        return unmatched === "allow" ? { ok: true, auth: { rules } } : refused(noRuleAllows());
      }
      const header = request.authorization;
      if (header === undefined || !/^bearer(\s|$)/i.test(header)) return refused(tokenMissing());
      const token = BEARER.exec(header)?.[1];
      if (token === undefined) return refused(invalidToken("the Authorization header does not hold a bearer token"));

      let verdict: TokenVerdict;
      try {
        verdict = await verify(token);
      } catch (e) {
        if (e instanceof JwksUnavailableError) return refused(keysUnavailable());
        throw e;
      }
      if (!verdict.ok) return refused(invalidToken(verdict.reason));
      const judgement = judge(combine(rules, policy.levels), verdict.claims, policy.levels, index, Math.floor(now() / 1000));
      switch (judgement.kind) {
        case "allow":
          return { ok: true, auth: { claims: verdict.claims, rules } };
        case "forbidden":
          return refused(forbidden(judgement));
        case "step-up":
          return refused(stepUp(judgement, policy.levels));
      }
    },
  };
}
