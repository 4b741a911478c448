// The claims of a Keycloak access token the guard relies on, and the checks every token must pass
// once its signature holds: issuer, audience, lifetime, and that it is an access token at all.

export interface AccessClaims {
  readonly iss: string;
  readonly aud: string | readonly string[];
  readonly exp: number;
  readonly nbf?: number;
  readonly iat?: number;
  readonly sub?: string;
  /** Keycloak: "Bearer" in access tokens, "ID" in ID tokens, "Refresh" in refresh tokens. */
  readonly typ?: string;
  readonly azp?: string;
  readonly acr?: string;
  readonly amr?: readonly string[];
  readonly auth_time?: number;
  /** Space-separated scopes. */
  readonly scope?: string;
  readonly realm_access?: { readonly roles?: readonly string[] };
  readonly resource_access?: Readonly<Record<string, { readonly roles?: readonly string[] }>>;
  readonly [claim: string]: unknown;
}

export interface ClaimChecks {
  readonly issuer: string;
  readonly audience: string;
  readonly clockSkewSeconds: number;
}

// Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a finite number (no coercion); the typeof is for the type guard
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Why the claims make the token unacceptable, or undefined when they do not. `atJwt` says the
 * header declared an RFC 9068 access token (`typ: at+jwt`), which needs no `typ` claim.
 */
export function claimsProblem(claims: AccessClaims, checks: ClaimChecks, atJwt: boolean, nowSeconds: number): string | undefined {
  if (claims.iss !== checks.issuer) return "the token is from another issuer";
  const aud = claims.aud;
  if (!(aud === checks.audience || (Array.isArray(aud) && aud.includes(checks.audience)))) return "the token is meant for another audience";
  if (!isNumber(claims.exp)) return "the token has no expiry";
  if (nowSeconds >= claims.exp + checks.clockSkewSeconds) return "the token has expired";
  if (claims.nbf !== undefined && (!isNumber(claims.nbf) || claims.nbf > nowSeconds + checks.clockSkewSeconds)) return "the token is not valid yet";
  if (claims.iat !== undefined && !isNumber(claims.iat)) return "the token's iat is not a number";
  if (claims.typ === undefined ? !atJwt : claims.typ !== "Bearer") return "the token is not an access token";
  return undefined;
}

// Whether a claim meant to be a list of strings lists the item; anything but a list lists nothing.
const lists = (claim: unknown, item: string): boolean => Array.isArray(claim) && claim.includes(item);

/**
 * Whether the token holds a role: "name" is a realm role, "client-id:name" a role of that client
 * (split at the last colon, as client ids may be URLs). A realm role whose own name has a colon can
 * never stand in for a client role.
 */
export function holdsRole(claims: AccessClaims, role: string): boolean {
  const colon = role.lastIndexOf(":");
  if (colon === -1) return lists(claims.realm_access?.roles, role);
  const clients = claims.resource_access;
  if (clients === null || typeof clients !== "object" || !Object.hasOwn(clients, role.slice(0, colon))) return false;
  return lists(clients[role.slice(0, colon)]?.roles, role.slice(colon + 1));
}

export function scopesOf(claims: AccessClaims): Set<string> {
  return new Set(typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : []);
}

/** Whether the token's amr lists the method. */
export function usedMethod(claims: AccessClaims, method: string): boolean {
  return lists(claims.amr, method);
}
