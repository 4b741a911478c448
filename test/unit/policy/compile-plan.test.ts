// The pure middle of provisioning: policy to desired realm, and desired versus actual to a plan.
import { readFileSync } from "node:fs";
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { flowHash, flowLines } from "../../../provisioning/compile/flow-tree.js";
import type { ActualRealm } from "../../../provisioning/keycloak/read-realm.js";
import { computePlan, lineDiff } from "../../../provisioning/plan/plan.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";

const text = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");
const r = checkPolicy("example.yaml", text);
if (!r.ok) throw new Error("example invalid");
const desired = compileRealm(r.policy);

/** A realm that already matches the desired state, as readRealm would return it. */
function converged(): ActualRealm {
  const alias = `kca-browser-${flowHash(desired.browserFlow)}`;
  return {
    name: "example",
    realm: { ...desired.realm },
    attributes: {},
    browserFlow: alias,
    events: { ...desired.events },
    requiredActions: { ...desired.requiredActions },
    roles: Object.fromEntries(desired.roles.map((x) => [x.name, { description: x.description }])),
    groups: Object.fromEntries(desired.groups.map((g) => [g.name, { id: g.name, realmRoles: [...g.realmRoles] }])),
    amrScope: { id: "s", mapper: desired.amrScope.mapper, isDefault: true },
    clients: Object.fromEntries(desired.clients.map((c) => [c.clientId, { id: c.clientId, attributes: { ...c.attributes }, hasAmrScope: true }])),
    ownedFlows: [{ id: "f", alias, tree: desired.browserFlow }],
  };
}

describe("compile", () => {
  it("maps acr values to ladder positions and clients to their levels' first acr", () => {
    expect(JSON.parse(desired.realm["attributes.acr.loa.map"] as string)).toEqual({
      "urn:example:loa:1": 1, "urn:example:loa:2": 2, "http://schemas.openid.net/pape/policies/2007/06/multi-factor": 2, "urn:example:loa:3": 3,
    });
    expect(desired.clients.find((c) => c.clientId === "admin-portal")!.attributes).toEqual({ "default.acr.values": "urn:example:loa:2", "minimum.acr.value": "urn:example:loa:2" });
  });

  it("builds tier subflows before the ascending step-up ladder", () => {
    const lines = flowLines(desired.browserFlow);
    const order = ["tier-0 (subflow)", "tier-1 (subflow)", "tier-2 (subflow)", "loa1 (subflow)", "loa2 (subflow)", "loa3 (subflow)"].map((n) => lines.findIndex((l) => l.trim().startsWith(n)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Tier 3 forces nothing beyond the first level, so it has no subflow of its own.
    expect(lines.some((l) => l.includes("tier-3"))).toBe(false);
  });

  it("always sets loa-max-age (Keycloak falls back to 0 without it)", () => {
    const loa = flowLines(desired.browserFlow).filter((l) => l.includes("conditional-level-of-authentication"));
    expect(loa.length).toBeGreaterThan(0);
    expect(loa.every((l) => /"loa-max-age":"\d+"/.test(l))).toBe(true);
  });

  it("hashes the flow so any change of the tree gives a new alias", () => {
    const changed = checkPolicy("x.yaml", text.replace("maxAge: 15m", "maxAge: 20m"));
    if (!changed.ok) throw new Error("invalid");
    expect(flowHash(compileRealm(changed.policy).browserFlow)).not.toBe(flowHash(desired.browserFlow));
  });
});

describe("plan", () => {
  it("is empty for a converged realm", () => {
    expect(computePlan(desired, converged()).changes).toEqual([]);
  });

  it("shows field drift with old and new values", () => {
    const actual = { ...converged(), realm: { ...desired.realm, failureFactor: 9 } };
    expect(computePlan(desired, actual).changes).toEqual([{ action: "update", kind: "realm", name: "example", details: ["failureFactor: 9 -> 5"] }]);
  });

  it("replaces a drifted flow: create, rebind, delete the old one", () => {
    const base = converged();
    const [cookie, forms] = desired.browserFlow.children;
    const drifted = { ...base, ownedFlows: [{ ...base.ownedFlows[0]!, tree: { children: [forms!, cookie!] } }] };
    expect(computePlan(desired, drifted).changes.map((c) => `${c.action} ${c.kind}`)).toEqual(["create flow", "update flow-binding", "delete flow"]);
  });

  it("creates what is missing", () => {
    const base = converged();
    const plan = computePlan(desired, { ...base, roles: {}, amrScope: undefined, ownedFlows: [], browserFlow: "browser" });
    const kinds = plan.changes.map((c) => `${c.action} ${c.kind}`);
    expect(kinds.filter((k) => k === "create role")).toHaveLength(desired.roles.length);
    expect(kinds).toEqual(expect.arrayContaining(["create client-scope", "create flow", "update flow-binding"]));
  });
});

describe("lineDiff", () => {
  it("shows a move as a removal and an addition", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "c", "b"])).toEqual(["  a", "+ c", "  b", "- c"]);
  });
});
