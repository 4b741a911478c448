// The policy's `api` section becomes the guard's compiled policy: every field of a route carried
// over, and the guard's own objections reported at the route's field in the file.
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { MINIMAL, policyOf } from "./minimal.js";

const withApi = (routes: string) => `${MINIMAL}api:\n  audience: orders-api\n  routes:\n${routes}`;

describe("the api section", () => {
  it("carries each route's method, path, level, roles, scopes, amr and maxAge (in seconds) into the guard policy", () => {
    const p = policyOf(withApi(`    - route: "POST /orders/{id}/refund"
      level: high
      roles: [refunds, "billing:admin"]
      scopes: [orders:refund]
      amr: [hwk, otp]
      maxAge: 5m
    - route: "GET /orders/**"
`));
    // Strictly: a route that leaves a field out has no such key, not one set to undefined.
    expect(p.api).toStrictEqual({
      audience: "orders-api",
      levels: [{ name: "low", acr: ["urn:low"] }, { name: "high", acr: ["urn:high"] }],
      routes: [
        { method: "POST", path: "/orders/{id}/refund", level: "high", roles: ["refunds", "billing:admin"], scopes: ["orders:refund"], amr: ["hwk", "otp"], maxAge: 300 },
        { method: "GET", path: "/orders/**" },
      ],
    });
  });

  it("reports the guard's objections at the route's own field", () => {
    const r = checkPolicy("api.yaml", withApi(`    - route: "GET /a"
      maxAge: 0
    - route: "GET /a/"
      roles: ["two words"]
      scopes: [" "]
      amr: ["a b"]
    - route: "GET /{bad-}"
      level: top
`));
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.message])).toEqual([
      ["api.routes[0].maxAge", "maxAge must be a whole number of seconds above 0, not 0"],
      ["api.routes[1].route", '"GET /a/" matches the same requests as route 0'],
      ["api.routes[1].roles", '"two words" is empty or contains white space'],
      ["api.routes[1].scopes", '" " is empty or contains white space'],
      ["api.routes[1].amr", '"a b" is empty or contains white space'],
      ["api.routes[2].route", expect.stringContaining('segment "{bad-}" is neither plain text')],
      ["api.routes[2].level", 'level "top" is not on the ladder (low, high)'],
    ]);
  });

  it("reports a route of more than one space at the route, with its line", () => {
    const text = withApi(`    - route: "GET /a b"\n`);
    const r = checkPolicy("api.yaml", text);
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.line, i.message])).toEqual([
      ["api.routes[0].route", text.split("\n").findIndex((l) => l.includes("GET /a b")) + 1, 'expected "METHOD /path" with one space, e.g. "POST /api/users/{id}/mfa-reset"'],
    ]);
  });

  it("leaves ladder problems to the levels section, where they are reported once", () => {
    const r = checkPolicy("api.yaml", withApi(`    - route: "GET /a"\n`).replace("acr: [urn:high]", "acr: [urn:low]"));
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.message])).toEqual([["levels[1].acr[0]", 'acr "urn:low" already means level "low"']]);
  });
});
