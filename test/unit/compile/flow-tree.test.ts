// A flow's canonical lines (what plans print and comparisons use) and the hash its alias carries.
import { readFileSync } from "node:fs";
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { flowHash, flowLines, MASKED, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import { AUTHENTICATORS as A } from "../../../provisioning/keycloak/providers.js";
import { policyOf } from "../policy/minimal.js";

const tree: FlowTree = {
  children: [
    { kind: "execution", provider: "auth-cookie", requirement: "ALTERNATIVE" },
    {
      kind: "subflow",
      name: "forms",
      requirement: "ALTERNATIVE",
      children: [
        { kind: "execution", provider: "auth-otp-form", requirement: "REQUIRED", config: { "default.reference.value": "otp", "default.reference.maxAge": "3600", b: "2", a: "1" } },
        { kind: "subflow", name: "inner", requirement: "CONDITIONAL", children: [{ kind: "execution", provider: "deny", requirement: "DISABLED", config: {} }] },
      ],
    },
  ],
};

describe("flow lines", () => {
  it("indent by depth, name subflows, and give config with sorted keys", () => {
    expect(flowLines(tree)).toEqual([
      "auth-cookie ALTERNATIVE",
      "forms (subflow) ALTERNATIVE",
      '  auth-otp-form REQUIRED {"a":"1","b":"2","default.reference.maxAge":"3600","default.reference.value":"otp"}',
      "  inner (subflow) CONDITIONAL",
      "    deny DISABLED {}",
    ]);
  });

  it("mask only the amr reference values Keycloak hides on read-back", () => {
    expect(flowLines(tree, true)[2]).toBe(`  auth-otp-form REQUIRED {"a":"1","b":"2","default.reference.maxAge":"${MASKED}","default.reference.value":"${MASKED}"}`);
  });
});

describe("the flow hash", () => {
  it("is eight hex digits that change with any value, masked ones included", () => {
    expect(flowHash(tree)).toMatch(/^[0-9a-f]{8}$/);
    expect(flowHash(tree)).toBe(flowHash(structuredClone(tree)));
    const otherAmr = structuredClone(tree) as { children: [unknown, { children: [{ config: Record<string, string> }] }] };
    otherAmr.children[1].children[0].config["default.reference.value"] = "hwk";
    expect(flowHash(otherAmr as FlowTree)).not.toBe(flowHash(tree));
  });
});

describe("the trees the compiler makes", () => {
  it("hold only executions and subflows, each a kind the apply tells apart, of every step builder", () => {
    const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");
    const desired = compileRealm(policyOf(`${example}identityProviders:\n  strict:\n    trust: enforce\n    levels:\n      loa2: { acr: [urn:corp:loa:2] }\n    request:\n      loa2: urn:corp:loa:2\n`));
    const kinds = new Map<string, Set<string>>();
    const walk = (nodes: FlowTree["children"]): void => {
      for (const n of nodes) {
        const key = n.kind === "subflow" ? "(subflow)" : n.provider;
        (kinds.get(key) ?? kinds.set(key, new Set()).get(key)!).add(n.kind);
        if (n.kind === "subflow") walk(n.children);
      }
    };
    for (const tree of [desired.browserFlow, desired.identityProviders.unlisted, ...desired.identityProviders.listed.map((l) => l.flow)]) walk(tree.children);
    // Among them the steps of each builder: role, credential, passkey-used and level conditions, denials, tier levels, the username
    // form, and the upstream request and assurance steps.
    for (const provider of [A.condUserRole, A.condUserCredential, A.condCredentialUsed, A.condLevel, A.deny, A.tierLevel, A.username, A.upstreamRequest, A.upstreamAssurance]) {
      expect([provider, kinds.get(provider)]).toEqual([provider, new Set(["execution"])]);
    }
    for (const [key, seen] of kinds) expect([key, [...seen]]).toEqual([key, [key === "(subflow)" ? "subflow" : "execution"]]);
  });
});
