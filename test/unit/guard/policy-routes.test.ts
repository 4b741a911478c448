// The guard policy's own checks (what `kc-assurance validate` reports for the api section) and
// which route rules apply to a request.
import { checkGuardPolicy, createGuard, GuardPolicyError, type GuardPolicy } from "../../../guard/index.js";
import { requestSegments, routeTable } from "../../../guard/core/routes.js";
import { ISSUER, POLICY } from "./fixture.js";

const withRoutes = (routes: GuardPolicy["routes"], levels: GuardPolicy["levels"] = POLICY.levels): GuardPolicy => ({ ...POLICY, levels, routes });

describe("checkGuardPolicy", () => {
  it("finds nothing wrong with a sound policy", () => {
    expect(checkGuardPolicy(POLICY)).toEqual([]);
  });

  it.each([
    ["an unknown level", { method: "GET", path: "/a", level: "gold" }, "level", /level "gold" is not on the ladder \(loa1, loa2, loa3\)/],
    ["a path without a leading slash", { method: "GET", path: "a/b" }, "path", /must start with "\/"/],
    ["a malformed parameter", { method: "GET", path: "/users/{id" }, "path", /segment "\{id" is neither/],
    ["** before the end", { method: "GET", path: "/a/**/b" }, "path", /"\*\*" may only end a pattern/],
    ["a dot segment", { method: "GET", path: "/a/../b" }, "path", /segment "\.\." is neither/],
    ["a method that is not one", { method: "get", path: "/a" }, "method", /method "get" is not one of GET, HEAD/],
    ["a maxAge of 0", { method: "GET", path: "/a", maxAge: 0 }, "maxAge", /above 0, not 0/],
    ["a negative maxAge", { method: "GET", path: "/a", maxAge: -5 }, "maxAge", /above 0/],
    ["a fractional maxAge", { method: "GET", path: "/a", maxAge: 1.5 }, "maxAge", /whole number/],
    ["a role with a space", { method: "GET", path: "/a", roles: ["identity admin"] }, "roles", /white space/],
    ["an empty scope", { method: "GET", path: "/a", scopes: [""] }, "scopes", /empty/],
  ])("reports %s with the route's index", (_name, rule, field, message) => {
    const problems = checkGuardPolicy(withRoutes([{ method: "GET", path: "/fine" }, rule]));
    expect(problems).toEqual([{ route: 1, field, message: expect.stringMatching(message) }]);
  });

  it("reports two routes that match the same requests, whatever their parameters are called", () => {
    const problems = checkGuardPolicy(withRoutes([
      { method: "POST", path: "/users/{id}/mfa-reset" },
      { method: "POST", path: "/Users/{userId}/mfa-reset/" },
      { method: "GET", path: "/users/{id}/mfa-reset" },
    ]));
    expect(problems).toEqual([{ route: 1, field: "path", message: expect.stringMatching(/matches the same requests as route 0/) }]);
  });

  it("reports ladder problems: an empty ladder, a level twice, an acr in two levels, a level without acr", () => {
    expect(checkGuardPolicy({ ...POLICY, levels: [], routes: [] })).toEqual([{ field: "levels", message: expect.stringMatching(/at least one level/) }]);
    const fields = checkGuardPolicy({
      ...POLICY,
      levels: [{ name: "a", acr: ["x"] }, { name: "a", acr: ["y"] }, { name: "b", acr: ["x"] }, { name: "c", acr: [] }],
      routes: [],
    }).map((p) => p.field);
    expect(fields).toEqual(["levels[1].name", "levels[2].acr", "levels[3].acr"]);
  });

  it("reports an empty audience", () => {
    expect(checkGuardPolicy({ ...POLICY, audience: " " })).toEqual([{ field: "audience", message: expect.stringMatching(/audience is needed/) }]);
  });

  it("keeps a guard from being made for a policy with problems", () => {
    const make = () => createGuard({ issuer: ISSUER, policy: withRoutes([{ method: "GET", path: "/a", level: "gold" }]) });
    expect(make).toThrow(GuardPolicyError);
    expect(make).toThrow(/routes\[0\]\.level: level "gold" is not on the ladder/);
  });

  it("keeps a guard from being made with HMAC, none or unknown algorithms", () => {
    for (const algorithms of [["HS256"], ["none"], ["RS256", "HS512"], []]) {
      expect(() => createGuard({ issuer: ISSUER, policy: POLICY, algorithms })).toThrow(/algorithms must be chosen from RS256/);
    }
  });
});

describe("route matching", () => {
  const table = routeTable([
    { method: "POST", path: "/api/users/{id}/mfa-reset", level: "loa3" },
    { method: "*", path: "/api/users/**", roles: ["user-admin"] },
    { method: "GET", path: "/api/orders" },
    { method: "GET", path: "/api/*/summary" },
  ]);
  const paths = (method: string, target: string) => table.match(method, requestSegments(target)!).map((r) => `${r.method} ${r.path}`);

  it("applies every rule that matches, not only the most specific", () => {
    expect(paths("POST", "/api/users/42/mfa-reset")).toEqual(["POST /api/users/{id}/mfa-reset", "* /api/users/**"]);
  });

  it("matches a final ** against any rest, including none", () => {
    expect(paths("DELETE", "/api/users")).toEqual(["* /api/users/**"]);
    expect(paths("GET", "/api/users/42/sessions/9")).toEqual(["* /api/users/**"]);
  });

  it("matches {param} and * against exactly one segment", () => {
    expect(paths("GET", "/api/orders/summary")).toEqual(["GET /api/*/summary"]);
    expect(paths("GET", "/api/summary")).toEqual([]);
  });

  it("errs towards matching: ignores case, query, trailing and doubled slashes, and decodes escapes", () => {
    for (const target of ["/API/Users/42/MFA-Reset", "/api/users/42/mfa-reset/", "//api//users/42/mfa-reset?x=1", "/api/users/42/mfa%2Dreset"]) {
      expect(paths("POST", target)).toContain("POST /api/users/{id}/mfa-reset");
    }
  });

  it("lets GET rules cover HEAD, and only the named method otherwise", () => {
    expect(paths("HEAD", "/api/orders")).toEqual(["GET /api/orders"]);
    expect(paths("POST", "/api/orders")).toEqual([]);
  });

  it("will not route paths with dot segments or bad escapes", () => {
    expect(requestSegments("/api/users/1/../2/mfa-reset")).toBeUndefined();
    expect(requestSegments("/api/users/%2e%2e/mfa-reset")).toBeUndefined();
    expect(requestSegments("/api/users/%E0%A4%A/mfa-reset")).toBeUndefined();
  });
});
