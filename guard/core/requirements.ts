// What the matching route rules ask of a verified token, and whether the token has it. Levels are
// compared by their position on the policy's ladder, never as strings. A token whose acr is not on
// the ladder (Keycloak says "0" or "1" when no level flow ran, or a level's freshness ran out)
// stands below every level: it is genuine, so the answer is a step-up challenge, not invalid_token.
import { holdsRole, scopesOf, usedMethod, type AccessClaims } from "./claims.js";
import type { GuardLevel, RouteRule } from "./policy.js";

export interface Requirement {
  /** Index on the ladder; -1 when no level is asked. */
  readonly level: number;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly amr: readonly string[];
  readonly maxAge?: number;
}

/** Every matching rule applies: the highest level, all roles, scopes and amr, the shortest maxAge. */
export function combine(rules: readonly RouteRule[], ladder: readonly GuardLevel[]): Requirement {
  const union = (pick: (r: RouteRule) => readonly string[] | undefined) => [...new Set(rules.flatMap((r) => pick(r) ?? []))];
  const ages = rules.flatMap((r) => (r.maxAge === undefined ? [] : [r.maxAge]));
  // A rule without a level finds no level name, so it counts as -1: no level needed.
  const level = Math.max(-1, ...rules.map((r) => ladder.findIndex((l) => l.name === r.level)));
  const requirement = { level, roles: union((r) => r.roles), scopes: union((r) => r.scopes), amr: union((r) => r.amr) };
  return ages.length ? { ...requirement, maxAge: Math.min(...ages) } : requirement;
}

export type Judgement =
  | { readonly kind: "allow" }
  /** Only a different user or client helps: roles and scopes missing from the token. */
  | { readonly kind: "forbidden"; readonly roles: readonly string[]; readonly scopes: readonly string[] }
  /** A new authentication of the same user helps. */
  | {
      readonly kind: "step-up";
      readonly level?: GuardLevel;
      /** The token's authentication is too old (or its time unknown) for this limit. */
      readonly maxAge?: number;
      /** amr values the authentication lacks. */
      readonly amr: readonly string[];
      /** Whether the level itself is missing, as against freshness or methods. */
      readonly levelTooLow: boolean;
    };

/** Maps acr values to ladder positions once per guard. */
export function ladderIndex(ladder: readonly GuardLevel[]): ReadonlyMap<string, number> {
  return new Map(ladder.flatMap((level, i) => level.acr.map((acr) => [acr, i] as const)));
}

export function judge(
  req: Requirement,
  claims: AccessClaims,
  ladder: readonly GuardLevel[],
  index: ReadonlyMap<string, number>,
  nowSeconds: number,
): Judgement {
  // Missing privileges first: no step-up would help, so none is asked for.
  // Stryker disable next-line ConditionalExpression: without roles and scopes nothing is missing, so the block only saves work
  if (req.roles.length || req.scopes.length) {
    const scopes = scopesOf(claims);
    const missingRoles = req.roles.filter((r) => !holdsRole(claims, r));
    const missingScopes = req.scopes.filter((s) => !scopes.has(s));
    if (missingRoles.length || missingScopes.length) return { kind: "forbidden", roles: missingRoles, scopes: missingScopes };
  }
  // Stryker disable next-line ConditionalExpression: the index holds only strings, so any other acr finds nothing there either
  const reached = typeof claims.acr === "string" ? (index.get(claims.acr) ?? -1) : -1;
  const levelTooLow = reached < req.level;
  const authTime = claims.auth_time;
  const stale = req.maxAge !== undefined && !(typeof authTime === "number" && nowSeconds - authTime <= req.maxAge);
  const amr = req.amr.filter((a) => !usedMethod(claims, a));
  if (!levelTooLow && !stale && amr.length === 0) return { kind: "allow" };
  // Stryker disable next-line ConditionalExpression: ladder[-1] is undefined too
  const level = req.level >= 0 ? ladder[req.level] : undefined;
  return {
    kind: "step-up",
    ...(level ? { level } : {}),
    ...(stale ? { maxAge: req.maxAge } : {}),
    amr,
    levelTooLow,
  };
}
