// What the guard answers for valid tokens against the route rules: step-up challenges in RFC 9470
// form, 403 for missing roles and scopes, and the requests no rule covers.
import { accessToken, bearer, NOW_S, realm, REALM_RSA } from "./fixture.js";

const LEVEL2_AND_UP = "urn:example:loa:2 http://schemas.openid.net/pape/policies/2007/06/multi-factor urn:example:loa:3";

describe("guard decisions", () => {
  const r = realm();
  const ask = (method: string, target: string, claims: Record<string, unknown> | undefined) =>
    r.guard.authorize({ method, target, authorization: claims === undefined ? undefined : bearer(accessToken(claims)) });
  const answer = async (method: string, target: string, claims: Record<string, unknown> | undefined) => {
    const result = await ask(method, target, claims);
    if (result.ok) throw new Error("expected a refusal");
    return result.answer;
  };
  const admin = { acr: "urn:example:loa:3", amr: ["pwd", "hwk"], realm_access: { roles: ["identity-admin"] }, auth_time: NOW_S - 10 };
  const MFA_RESET = "/api/identity/admin/users/8f1c/mfa-reset";

  it("lets a token through that meets every requirement, with its claims", async () => {
    expect(await ask("POST", MFA_RESET, admin)).toMatchObject({ ok: true, auth: { claims: { acr: "urn:example:loa:3" }, rules: [{ level: "loa3" }] } });
  });

  it("challenges a lower level with the acr values of that level and every level above, in ladder order", async () => {
    const a = await answer("POST", "/api/orders/1/refund", { acr: "urn:example:loa:1", scope: "orders:refund" });
    expect(a.status).toBe(401);
    expect(a.headers["www-authenticate"]).toBe(`Bearer error="insufficient_user_authentication", error_description="this request needs level loa2", acr_values="${LEVEL2_AND_UP}"`);
    expect(a.body).toStrictEqual({ error: "mfa_required", error_description: "this request needs level loa2", required: { level: "loa2", acr_values: LEVEL2_AND_UP } });
  });

  it("challenges a stale authentication with max_age, and still names the route's level so the new sign-in reaches it", async () => {
    const a = await answer("POST", MFA_RESET, { ...admin, auth_time: NOW_S - 301 });
    expect(a.headers["www-authenticate"]).toBe(
      'Bearer error="insufficient_user_authentication", error_description="this request needs an authentication within the last 300 s", acr_values="urn:example:loa:3", max_age="300"',
    );
    expect(a.body.required).toStrictEqual({ level: "loa3", acr_values: "urn:example:loa:3", max_age: 300 });
  });

  it("accepts an authentication exactly maxAge old", async () => {
    expect((await ask("POST", MFA_RESET, { ...admin, auth_time: NOW_S - 300 })).ok).toBe(true);
  });

  it("treats a token without auth_time as stale", async () => {
    const a = await answer("POST", MFA_RESET, { ...admin, auth_time: undefined });
    expect(a.body.required).toMatchObject({ max_age: 300 });
  });

  it("asks for a fresh authentication (max_age 0) when the level is met but an amr value is missing", async () => {
    const a = await answer("POST", MFA_RESET, { ...admin, amr: ["pwd", "otp"] });
    expect(a.headers["www-authenticate"]).toMatch(/acr_values="urn:example:loa:3", max_age="0"$/);
    expect(a.body).toMatchObject({ error: "mfa_required", required: { amr: ["hwk"], max_age: 0 } });
  });

  it("names every shortfall at once: level, freshness and methods", async () => {
    const a = await answer("POST", MFA_RESET, { ...admin, acr: "urn:example:loa:2", amr: ["pwd"], auth_time: NOW_S - 900 });
    expect(a.body.error_description).toBe("this request needs level loa3 and an authentication within the last 300 s and authentication methods hwk");
    expect(a.body.required).toStrictEqual({ level: "loa3", acr_values: "urn:example:loa:3", max_age: 300, amr: ["hwk"] });
  });

  it("refuses missing roles with 403 before any step-up, as no stronger sign-in would help", async () => {
    const a = await answer("POST", MFA_RESET, { ...admin, acr: "urn:example:loa:1", realm_access: { roles: ["default-roles-acme"] } });
    expect(a.status).toBe(403);
    expect(a.headers["www-authenticate"]).toBe('Bearer error="insufficient_scope", error_description="the token lacks roles identity-admin"');
    expect(a.body).toStrictEqual({ error: "insufficient_scope", error_description: "the token lacks roles identity-admin", required: { roles: ["identity-admin"] } });
  });

  it("refuses missing scopes with 403 and names them in the challenge's scope", async () => {
    const a = await answer("POST", "/api/orders/1/refund", { acr: "urn:example:loa:2", scope: "openid profile" });
    expect(a.status).toBe(403);
    expect(a.headers["www-authenticate"]).toMatch(/^Bearer error="insufficient_scope", .*scope="orders:refund"$/);
    expect(a.body.required).toStrictEqual({ scopes: ["orders:refund"] });
  });

  it("reads client roles as client-id:role from resource_access, never from realm roles of the same name", async () => {
    expect((await ask("GET", "/api/reports/2026/q1", { resource_access: { "reports-app": { roles: ["viewer"] } } })).ok).toBe(true);
    const a = await answer("GET", "/api/reports/2026/q1", { realm_access: { roles: ["viewer", "reports-app:viewer"] }, resource_access: { other: { roles: ["viewer"] } } });
    expect(a.status).toBe(403);
  });

  it("applies a * rule to every method", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      expect((await answer(method, "/api/fresh", { auth_time: NOW_S - 61 })).body.required).toStrictEqual({ max_age: 60 });
    }
  });

  it("answers a request without a token with a bare Bearer challenge", async () => {
    const a = await answer("GET", "/api/orders", undefined);
    expect(a).toStrictEqual({ status: 401, headers: { "cache-control": "no-store", "www-authenticate": "Bearer" }, body: { error: "unauthorized", error_description: "a bearer token is required" } });
  });

  it("reads only the Bearer scheme as a token: another scheme is no token, a Bearer header without one is a bad token", async () => {
    const send = (authorization: string) => r.guard.authorize({ method: "GET", target: "/api/orders", authorization });
    const missing = { ok: false, answer: { status: 401, headers: { "www-authenticate": "Bearer" }, body: { error_description: "a bearer token is required" } } };
    for (const header of ["Basic dXNlcjpwYXNz", "Token bearer abc", "xBearer abc", "Bearerabc", ""]) {
      expect(await send(header)).toMatchObject(missing);
    }
    for (const header of ["Bearer", "bearer ", "BEARER a b", "Bearer\tabc"]) {
      expect(await send(header)).toMatchObject({ ok: false, answer: { status: 401, body: { error: "invalid_token", error_description: "the Authorization header does not hold a bearer token" } } });
    }
  });

  it("throws its caller's own faults (a fetch that answers nothing) instead of answering them as keys unavailable", async () => {
    const broken = realm({ fetch: async () => undefined as unknown as Response });
    await expect(broken.guard.authorize({ method: "GET", target: "/api/orders", authorization: bearer(accessToken({})) })).rejects.toThrow(TypeError);
  });

  it("refuses a token once it has expired, as the clock moves", async () => {
    const token = bearer(accessToken({ acr: "urn:example:loa:1" }));
    expect((await r.guard.authorize({ method: "GET", target: "/api/orders", authorization: token })).ok).toBe(true);
    const later = realm();
    later.advance(300 + 30);
    const result = await later.guard.authorize({ method: "GET", target: "/api/orders", authorization: token });
    expect(result).toMatchObject({ ok: false, answer: { status: 401, body: { error: "invalid_token", error_description: "the token has expired" } } });
  });

  it("answers 400 for targets it will not guess about, before looking at the token, and says why", async () => {
    expect(await answer("POST", "/api/identity/admin/users/1/../2/mfa-reset", admin)).toStrictEqual({
      status: 400,
      headers: { "cache-control": "no-store" },
      body: { error: "invalid_request", error_description: "the request target has a . or .. segment" },
    });
    expect((await answer("POST", "http://api.example/api/identity/admin/users/1/mfa-reset", undefined)).body.error_description).toBe(
      "the request target is not a plain path (origin form, starting with /)",
    );
  });

  describe("requests no rule covers", () => {
    it("need a valid token by default", async () => {
      expect((await ask("GET", "/api/unlisted", {})).ok).toBe(true);
      expect((await answer("GET", "/api/unlisted", undefined)).status).toBe(401);
    });

    it("pass unchecked with unmatched: allow", async () => {
      expect(await realm({ unmatched: "allow" }).guard.authorize({ method: "GET", target: "/health", authorization: undefined })).toStrictEqual({ ok: true, auth: { rules: [] } });
    });

    it("are refused with 403 with unmatched: deny, while listed routes still work", async () => {
      const strict = realm({ unmatched: "deny" });
      const result = await strict.guard.authorize({ method: "GET", target: "/api/unlisted", authorization: bearer(accessToken({}, REALM_RSA)) });
      expect(result).toMatchObject({ ok: false, answer: { status: 403, body: { error: "forbidden" } } });
      expect((await strict.guard.authorize({ method: "GET", target: "/api/orders", authorization: bearer(accessToken({})) })).ok).toBe(true);
    });
  });
});
