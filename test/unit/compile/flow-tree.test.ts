// A flow's canonical lines (what plans print and comparisons use) and the hash its alias carries.
import { flowHash, flowLines, MASKED, type FlowTree } from "../../../provisioning/compile/flow-tree.js";

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
