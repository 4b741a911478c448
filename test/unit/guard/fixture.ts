// A guard wired to an in-process realm: keys made here, a JWKS served by a fake fetch that counts
// its calls, and a clock the test moves. Tokens are shaped like Keycloak's access tokens.
import { createGuard, type Guard, type GuardOptions, type GuardPolicy } from "../../../guard/index.js";
import { keycloakClaims, signWith, testKey, type TestKey } from "../../support/tokens.js";

export const ISSUER = "https://sso.example.test/realms/acme";
export const AUDIENCE = "orders-api";

export const POLICY: GuardPolicy = {
  levels: [
    { name: "loa1", acr: ["urn:example:loa:1"] },
    { name: "loa2", acr: ["urn:example:loa:2", "http://schemas.openid.net/pape/policies/2007/06/multi-factor"] },
    { name: "loa3", acr: ["urn:example:loa:3"] },
  ],
  audience: AUDIENCE,
  routes: [
    { method: "GET", path: "/api/orders", level: "loa1" },
    { method: "POST", path: "/api/orders/{id}/refund", level: "loa2", scopes: ["orders:refund"] },
    { method: "POST", path: "/api/identity/admin/users/{id}/mfa-reset", level: "loa3", roles: ["identity-admin"], amr: ["hwk"], maxAge: 300 },
    { method: "GET", path: "/api/reports/**", roles: ["reports-app:viewer"] },
    { method: "*", path: "/api/fresh", maxAge: 60 },
  ],
};

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
export const NOW_S = T0 / 1000;

// Made once per test run: RSA key generation is slow.
export const REALM_RSA = testKey("RS256", "realm-rs256");
export const REALM_EC = testKey("ES256", "realm-es256");

export interface Realm {
  readonly guard: Guard;
  /** JWKS fetches so far. */
  fetches(): number;
  /** Replaces the realm's published keys. */
  publish(keys: readonly Record<string, unknown>[]): void;
  /** Makes the JWKS endpoint fail (or work again). */
  fail(failing: boolean): void;
  advance(seconds: number): void;
  now(): number;
}

export function realm(options: Partial<GuardOptions> = {}, keys: readonly Record<string, unknown>[] = [REALM_RSA.jwk, REALM_EC.jwk]): Realm {
  let published = keys;
  let fetches = 0;
  let failing = false;
  let now = T0;
  const guard = createGuard({
    policy: POLICY,
    issuer: ISSUER,
    fetch: async (url) => {
      fetches++;
      if (String(url) !== `${ISSUER}/protocol/openid-connect/certs`) return new Response("not found", { status: 404 });
      if (failing) throw new TypeError("fetch failed");
      return Response.json({ keys: published });
    },
    now: () => now,
    ...options,
  });
  return {
    guard,
    fetches: () => fetches,
    publish: (k) => {
      published = k;
    },
    fail: (f) => {
      failing = f;
    },
    advance: (s) => {
      now += s * 1000;
    },
    now: () => now,
  };
}

/** A Keycloak-like access token signed by a realm key, valid at T0; `claims` override or add claims. */
export function accessToken(claims: Record<string, unknown> = {}, key: TestKey = REALM_RSA, header: Record<string, unknown> = {}): string {
  return signWith(key, { alg: key.alg, typ: "JWT", kid: key.kid, ...header }, keycloakClaims(ISSUER, AUDIENCE, NOW_S, claims));
}

export const bearer = (token: string) => `Bearer ${token}`;
