// The claims every token must pass once its signature holds, at their edges, and how roles and
// scopes are read from them.
import { claimsProblem, holdsRole, scopesOf, usedMethod, type AccessClaims } from "../../../guard/core/claims.js";

const checks = { issuer: "https://sso.test/realms/a", audience: "api", clockSkewSeconds: 30 };
const NOW = 1_000_000;
const claims = (extra: Record<string, unknown> = {}): AccessClaims => ({ iss: checks.issuer, aud: "api", exp: NOW + 60, typ: "Bearer", ...extra });
const problem = (extra: Record<string, unknown>, atJwt = false, now = NOW) => claimsProblem(claims(extra), checks, atJwt, now);

describe("the claims of an access token", () => {
  it("pass when issuer, audience (alone or in a list), lifetime and type are right", () => {
    expect(problem({})).toBeUndefined();
    expect(problem({ aud: ["account", "api"] })).toBeUndefined();
  });

  it("name the issuer or audience that is wrong", () => {
    expect(problem({ iss: `${checks.issuer}/` })).toBe("the token is from another issuer");
    expect(problem({ aud: "api2" })).toBe("the token is meant for another audience");
    expect(problem({ aud: ["account"] })).toBe("the token is meant for another audience");
  });

  it("need a finite expiry, and expire once the clock skew has passed too", () => {
    expect(problem({ exp: undefined })).toBe("the token has no expiry");
    expect(problem({ exp: "9999999999" })).toBe("the token has no expiry");
    expect(problem({ exp: Infinity })).toBe("the token has no expiry");
    expect(problem({ exp: NOW - 29 })).toBeUndefined();
    expect(problem({ exp: NOW - 30 })).toBe("the token has expired");
  });

  it("are not valid before nbf, less the clock skew", () => {
    expect(problem({ nbf: NOW + 30 })).toBeUndefined();
    expect(problem({ nbf: NOW + 31 })).toBe("the token is not valid yet");
    expect(problem({ nbf: "0" })).toBe("the token is not valid yet");
  });

  it("refuse an iat that is not a number", () => {
    expect(problem({ iat: NOW })).toBeUndefined();
    expect(problem({ iat: "now" })).toBe("the token's iat is not a number");
  });

  it("must be Keycloak's Bearer type, or have none when the header says at+jwt", () => {
    expect(problem({ typ: "ID" })).toBe("the token is not an access token");
    expect(problem({ typ: "Refresh" }, true)).toBe("the token is not an access token");
    expect(problem({ typ: undefined })).toBe("the token is not an access token");
    expect(problem({ typ: undefined }, true)).toBeUndefined();
  });
});

describe("roles and scopes of a token", () => {
  const token = claims({
    realm_access: { roles: ["admin", "odd:name", 7] },
    resource_access: { "https://app.test:8443": { roles: ["viewer"] }, billing: { roles: "admin" } },
    scope: " openid  orders:read ",
  });

  it("reads a name without a colon as a realm role", () => {
    expect(holdsRole(token, "admin")).toBe(true);
    expect(holdsRole(token, "viewer")).toBe(false);
    expect(holdsRole(claims(), "admin")).toBe(false);
  });

  it("reads client:role split at the last colon, so client ids may be URLs", () => {
    expect(holdsRole(token, "https://app.test:8443:viewer")).toBe(true);
    expect(holdsRole(token, "https://app.test:viewer")).toBe(false);
    // A realm role with a colon never stands in for a client role.
    expect(holdsRole(token, "odd:name")).toBe(false);
    // Roles that are not a list of strings count as none.
    expect(holdsRole(token, "billing:admin")).toBe(false);
    expect(holdsRole(claims({ resource_access: null }), "billing:admin")).toBe(false);
    expect(holdsRole(claims({ resource_access: { toString: { roles: ["x"] } } }), "toString:x")).toBe(true);
    expect(holdsRole(claims({ resource_access: {} }), "toString:x")).toBe(false);
    // Nothing where a list or a client's entry should be holds no role either, and throws nothing.
    expect(holdsRole(claims(), "billing:admin")).toBe(false);
    expect(holdsRole(claims({ resource_access: "billing" }), "billing:admin")).toBe(false);
    expect(holdsRole(claims({ resource_access: { billing: null } }), "billing:admin")).toBe(false);
    expect(holdsRole(claims({ realm_access: { roles: "admin" } }), "admin")).toBe(false);
  });

  it("reads amr as a list of method names; a name in a text or a number is no method", () => {
    expect(usedMethod(claims({ amr: ["pwd", 7, "otp"] }), "otp")).toBe(true);
    expect(usedMethod(claims({ amr: ["pwd"] }), "otp")).toBe(false);
    expect(usedMethod(claims({ amr: "otp" }), "otp")).toBe(false);
    expect(usedMethod(claims(), "otp")).toBe(false);
  });

  it("splits scopes at spaces, ignoring runs of them, and reads a scope that is not text as none", () => {
    expect([...scopesOf(token)]).toEqual(["openid", "orders:read"]);
    expect([...scopesOf(claims({ scope: ["openid"] }))]).toEqual([]);
  });
});
