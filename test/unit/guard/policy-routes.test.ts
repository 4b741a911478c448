// The guard policy's own checks (what `kc-assurance validate` reports for the api section) and
// which route rules apply to a request.
import { checkGuardPolicy, createGuard, GuardPolicyError, type GuardPolicy } from "../../../guard/index.js";
import { readRequestPath, routeTable } from "../../../guard/core/routes.js";
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
    ["a semicolon, which no request path may carry", { method: "GET", path: "/a;v=1/b" }, "path", /segment "a;v=1" is neither plain text/],
    ["an escape, which requests are matched on decoded", { method: "GET", path: "/a%2Db" }, "path", /segment "a%2Db" is neither/],
    ["an empty segment", { method: "GET", path: "/a//b" }, "path", /segment "" is neither/],
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
    // The message names what was refused, or that nothing was given.
    expect(() => createGuard({ issuer: ISSUER, policy: POLICY, algorithms: ["RS256", "HS512", "none"] })).toThrow(/; not accepted: HS512, none$/);
    expect(() => createGuard({ issuer: ISSUER, policy: POLICY, algorithms: [] })).toThrow(/; not accepted: \(none given\)$/);
  });
});

describe("route matching", () => {
  const table = routeTable([
    { method: "POST", path: "/api/users/{id}/mfa-reset", level: "loa3" },
    { method: "*", path: "/api/users/**", roles: ["user-admin"] },
    { method: "GET", path: "/api/orders" },
    { method: "GET", path: "/api/orders/{id}" },
    { method: "GET", path: "/api/*/summary" },
    { method: "GET", path: "/api/shops/{id}/**" },
  ]);
  const paths = (method: string, target: string) => {
    const path = readRequestPath(target);
    if (!path.ok) throw new Error(`${target} refused: ${path.reason}`);
    return table.match(method, path.segments).map((r) => `${r.method} ${r.path}`);
  };
  const reason = (target: string) => {
    const path = readRequestPath(target);
    return path.ok ? undefined : path.reason;
  };

  it("applies every rule that matches, not only the most specific", () => {
    expect(paths("POST", "/api/users/42/mfa-reset")).toEqual(["POST /api/users/{id}/mfa-reset", "* /api/users/**"]);
  });

  it("matches a final ** against any rest, including none", () => {
    expect(paths("DELETE", "/api/users")).toEqual(["* /api/users/**"]);
    expect(paths("GET", "/api/users/42/sessions/9")).toEqual(["* /api/users/**"]);
  });

  it("matches {param} and * against exactly one segment", () => {
    expect(paths("GET", "/api/orders/summary")).toEqual(["GET /api/orders/{id}", "GET /api/*/summary"]);
    expect(paths("GET", "/api/summary")).toEqual([]);
    // A ** after a {param} still needs that segment.
    expect(paths("GET", "/api/shops")).toEqual([]);
    expect(paths("GET", "/api/shops/7")).toEqual(["GET /api/shops/{id}/**"]);
  });

  it("matches as leniently as routers route: ignores case and the query, decodes escapes", () => {
    for (const target of ["/API/Users/42/MFA-Reset", "/api/users/42/mfa-reset?x=1", "/api/users/42/mfa%2Dreset", "/api/users/%34%32/mfa-reset", "/api/users/42/mfa-reset?a=/../b;c\\d"]) {
      expect(paths("POST", target)).toContain("POST /api/users/{id}/mfa-reset");
    }
  });

  it("reads a trailing slash both ways: as the path without it, and as an empty last segment (Fastify routes /orders/ to /orders/:id)", () => {
    expect(paths("GET", "/api/orders/")).toEqual(["GET /api/orders", "GET /api/orders/{id}"]);
    expect(paths("POST", "/api/users/42/mfa-reset/")).toEqual(["POST /api/users/{id}/mfa-reset", "* /api/users/**"]);
    expect(paths("GET", "/api/orders/7/")).toEqual(["GET /api/orders/{id}"]);
  });

  it("lets GET rules cover HEAD, and only the named method otherwise", () => {
    expect(paths("HEAD", "/api/orders")).toEqual(["GET /api/orders"]);
    expect(paths("POST", "/api/orders")).toEqual([]);
  });

  it.each([
    ["absolute form", "http://api.example/api/users/1/mfa-reset", /not a plain path/],
    ["absolute form in capitals", "HTTP://api.example/api/users/1/mfa-reset", /not a plain path/],
    ["asterisk form", "*", /not a plain path/],
    ["authority form", "api.example:443", /not a plain path/],
    ["a scheme-relative target", "//api.example/api/users/1/mfa-reset", /empty segment/],
    ["an empty segment", "/api/users//mfa-reset", /empty segment/],
    ["a doubled slash", "/api//users/1/mfa-reset", /empty segment/],
    ["two trailing slashes", "/api/orders//", /empty segment/],
    ["backslashes", "/api\\users\\1\\mfa-reset", /backslash/],
    ["a fragment", "/api/users/1/mfa-reset#x", /#/],
    ["a fragment after the query", "/api/orders?x#y", /#/],
    ["a ; parameter", "/api/users/1/mfa-reset;jsessionid=1", /semicolon/],
    ["a space", "/api/orders /x", /printable ASCII/],
    ["a raw non-ASCII character", "/api/ord\u00e9rs", /printable ASCII/],
    ["a raw control character", "/api/orders\u0000", /printable ASCII/],
    ["a dot segment", "/api/users/1/../2/mfa-reset", /\. or \.\. segment/],
    ["a single dot segment", "/api/./orders", /\. or \.\. segment/],
    ["an encoded dot segment", "/api/users/%2e%2e/mfa-reset", /\. or \.\. segment/],
    ["a half-encoded dot segment", "/api/users/.%2E/mfa-reset", /\. or \.\. segment/],
    ["a bad escape", "/api/users/%E0%A4%A/mfa-reset", /bad percent-encoding/],
    ["an IIS-style escape", "/api/users/%u002f/mfa-reset", /bad percent-encoding/],
    ["an overlong UTF-8 slash", "/api/users/%C0%AF/mfa-reset", /bad percent-encoding/],
    ["an encoded slash", "/api/users/1%2Fx/mfa-reset", /encoded \//],
    ["an encoded backslash", "/api/users/1%5cx/mfa-reset", /encoded \//],
    ["double encoding", "/api/users/1/mfa%252Dreset", /encoded \//],
    ["an encoded semicolon", "/api/users/1%3Bx/mfa-reset", /encoded \//],
    ["an encoded NUL", "/api/orders%00", /encoded \//],
    ["an encoded C1 control", "/api/orders%C2%85", /encoded \//],
    ["the Kelvin sign (a k in lower case)", "/api/users/1/%E2%84%AAey", /pass for an ASCII/],
    ["a long s (an S in upper case)", "/api/u%C5%BFers/1/mfa-reset", /pass for an ASCII/],
    ["a dotted capital I (an i and a dot in lower case)", "/api/users/1/mfa-reset%C4%B0", /pass for an ASCII/],
    ["a dotless i (an I in upper case)", "/ap%C4%B1/orders", /pass for an ASCII/],
    ["a full-width solidus (a / under NFKC)", "/api/users%EF%BC%8F1/mfa-reset", /pass for an ASCII/],
    ["a one-dot leader (a . under NFKC)", "/api/%E2%80%A4%E2%80%A4/orders", /pass for an ASCII/],
  ])("refuses %s", (_name, target, why) => {
    expect(reason(target)).toMatch(why);
  });

  it("reads non-ASCII text that stands for itself, and encoded characters that are no separators", () => {
    expect(readRequestPath("/api/users/J%C3%BCrgen/x%3Fy%23z%20")).toEqual({ ok: true, segments: ["api", "users", "jürgen", "x?y#z "] });
    expect(readRequestPath("/")).toEqual({ ok: true, segments: [""] });
    expect(readRequestPath("/api/orders?q=%zz#")).toMatchObject({ ok: false });
    expect(readRequestPath("/api/orders?q=%zz")).toEqual({ ok: true, segments: ["api", "orders"] });
  });
});
