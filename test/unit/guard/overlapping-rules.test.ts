// Several rules matching one request all apply: the highest level, every role, scope and amr, and
// the shortest maxAge, whichever rule comes first in the policy.
import type { GuardPolicy } from "../../../guard/index.js";
import { accessToken, bearer, NOW_S, POLICY, realm } from "./fixture.js";

const levels = POLICY.levels;
const policy = (routes: GuardPolicy["routes"]): GuardPolicy => ({ ...POLICY, levels, routes });
const ask = (routes: GuardPolicy["routes"], claims: Record<string, unknown>) =>
  realm({ policy: policy(routes) }).guard.authorize({ method: "GET", target: "/api/a/b", authorization: bearer(accessToken(claims)) });

describe("overlapping route rules", () => {
  it.each([
    ["the shorter rule first", [{ method: "GET", path: "/api/a/b", maxAge: 60 }, { method: "GET", path: "/api/**", maxAge: 600 }]],
    ["the shorter rule last", [{ method: "GET", path: "/api/**", maxAge: 600 }, { method: "*", path: "/api/a/{x}", maxAge: 60 }]],
  ])("take the shortest maxAge (%s)", async (_name, routes) => {
    const stale = await ask(routes, { auth_time: NOW_S - 120 });
    expect(stale).toMatchObject({ ok: false, answer: { status: 401, body: { required: { max_age: 60 } } } });
    expect(await ask(routes, { auth_time: NOW_S - 30 })).toMatchObject({ ok: true });
  });

  it("count an auth_time that is not a number as no authentication time at all", async () => {
    const routes = [{ method: "GET", path: "/api/a/b", maxAge: 60 }];
    expect(await ask(routes, { auth_time: String(NOW_S) })).toMatchObject({ ok: false, answer: { status: 401, body: { required: { max_age: 60 } } } });
  });

  it("take the highest level, whichever rule names it", async () => {
    const routes = [{ method: "GET", path: "/api/**", level: "loa3" }, { method: "GET", path: "/api/a/b", level: "loa2" }];
    expect(await ask(routes, { acr: "urn:example:loa:2" })).toMatchObject({ ok: false, answer: { status: 401, body: { required: { level: "loa3" } } } });
    expect(await ask(routes, { acr: "urn:example:loa:3" })).toMatchObject({ ok: true });
  });

  it("ask for every role, scope and amr any of them names", async () => {
    const routes = [
      { method: "GET", path: "/api/**", roles: ["r1"], scopes: ["s1"], amr: ["otp"] },
      { method: "GET", path: "/api/a/b", roles: ["r2"], scopes: ["s2"], amr: ["hwk"] },
    ];
    expect(await ask(routes, { realm_access: { roles: ["r1"] }, scope: "s1 s2" })).toMatchObject({ ok: false, answer: { status: 403, body: { required: { roles: ["r2"] } } } });
    expect(await ask(routes, { realm_access: { roles: ["r1", "r2"] }, scope: "s2" })).toMatchObject({ ok: false, answer: { status: 403, body: { required: { scopes: ["s1"] } } } });
    expect(await ask(routes, { realm_access: { roles: ["r1", "r2"] }, scope: "s1 s2", amr: ["otp"] })).toMatchObject({ ok: false, answer: { status: 401, body: { required: { amr: ["hwk"] } } } });
    expect(await ask(routes, { realm_access: { roles: ["r1", "r2"] }, scope: "s1 s2", amr: ["otp", "hwk"] })).toMatchObject({ ok: true });
  });
});
