// Plans of a realm's flows and their bindings: rebound to Keycloak's own flow, drifted, copied,
// masked on read-back, and the post-login flows of identity providers.
import { BROKER_FLOW_PREFIX, FLOW_PREFIX } from "../../../provisioning/compile/desired.js";
import { flowHash, flowLines, MASKED, type FlowNode, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import { computePlan, lineDiff } from "../../../provisioning/plan/plan.js";
import { convergedRealm } from "../policy/converged.js";
import { minimalRealm } from "../policy/minimal.js";

const desired = minimalRealm();
const browserAlias = `${FLOW_PREFIX}-${flowHash(desired.browserFlow)}`;
const unlistedAlias = `${BROKER_FLOW_PREFIX}-${flowHash(desired.identityProviders.unlisted)}`;
const summary = (actual: ReturnType<typeof convergedRealm>) => computePlan(desired, actual).changes.map((c) => `${c.action} ${c.kind} ${c.name}: ${c.details.join(" | ")}`);

/** The tree as Keycloak reads it back: the amr references of factor steps masked. */
const masked = (tree: FlowTree): FlowTree => {
  const mask = (n: FlowNode): FlowNode =>
    n.kind === "subflow" ? { ...n, children: n.children.map(mask) }
    : n.config?.["default.reference.value"] ? { ...n, config: { ...n.config, "default.reference.value": MASKED, "default.reference.maxAge": MASKED } }
    : n;
  return { children: tree.children.map(mask) };
};
/** The tree without the step-up level's tier subflow, as an admin might have left it. */
const withoutTierStep = (tree: FlowTree): FlowTree => {
  const drop = (n: FlowNode): FlowNode => (n.kind === "subflow" ? { ...n, children: n.children.filter((c) => c.kind !== "subflow" || c.name !== "high-tier-1").map(drop) } : n);
  return { children: tree.children.map(drop) };
};

describe("a plan of the browser flow", () => {
  it("rebinds a realm an admin pointed back at Keycloak's built-in browser flow, keeping our flow", () => {
    expect(summary({ ...convergedRealm(desired), browserFlow: "browser" })).toEqual([`update flow-binding browserFlow: "browser" -> "${browserAlias}"`]);
  });

  it("reads a flow whose amr references Keycloak masks as unchanged", () => {
    const base = convergedRealm(desired);
    expect(summary({ ...base, ownedFlows: base.ownedFlows.map((f) => ({ ...f, tree: masked(f.tree) })) })).toEqual([]);
  });

  it("replaces a drifted bound flow: the new flow's lines against the bound one's, a rebinding, the old flow deleted", () => {
    const base = convergedRealm(desired);
    const drifted = masked(withoutTierStep(desired.browserFlow));
    const plan = computePlan(desired, { ...base, ownedFlows: [{ id: "b", alias: browserAlias, tree: drifted }, ...base.ownedFlows.slice(1)] }).changes;
    expect(plan.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual([`create flow ${browserAlias}`, "update flow-binding browserFlow", `delete flow ${browserAlias}`]);
    expect(plan[0]!.details).toEqual(lineDiff(flowLines(drifted, true), flowLines(desired.browserFlow, true)));
    expect(plan[0]!.details.filter((l) => !l.startsWith("  "))).toEqual([
      "+     high-tier-1 (subflow) CONDITIONAL",
      '+       conditional-user-role REQUIRED {"condUserRole":"kca-tier-1","negate":"false"}',
      `+       auth-otp-form REQUIRED {"default.reference.maxAge":"${MASKED}","default.reference.value":"${MASKED}"}`,
      `+       webauthn-authenticator REQUIRED {"default.reference.maxAge":"${MASKED}","default.reference.value":"${MASKED}"}`,
    ]);
    expect(plan[1]!.details).toEqual([`"${browserAlias}" -> the new flow`]);
    expect(plan[2]!.details).toEqual(["replaced by the new flow once it is bound"]);
  });

  it("shows the whole new flow as added when the realm has none of ours bound", () => {
    const plan = computePlan(desired, { ...convergedRealm(desired), browserFlow: "browser", ownedFlows: [] }).changes;
    expect(plan.find((c) => c.kind === "flow")!.details).toEqual(flowLines(desired.browserFlow, true).map((l) => `+ ${l}`));
  });

  it("keeps the bound one of two equal copies and deletes the other as no longer bound", () => {
    const base = convergedRealm(desired);
    const copy = { id: "c", alias: `${browserAlias}-2`, tree: desired.browserFlow };
    // The bound copy second: the plan must not take the first equal one and rebind.
    const flows = [copy, ...base.ownedFlows];
    expect(summary({ ...base, ownedFlows: flows })).toEqual([`delete flow ${browserAlias}-2: no longer bound`]);
    expect(summary({ ...base, ownedFlows: flows, browserFlow: copy.alias })).toEqual([`delete flow ${browserAlias}: no longer bound`]);
  });

  it("does not take a flow with equal steps for the policy's when its alias names another tree", () => {
    // Read-back masks the amr references; only the alias's hash of the whole tree tells them apart.
    const base = convergedRealm(desired);
    const oldAlias = `${FLOW_PREFIX}-00000000`;
    const plan = summary({ ...base, browserFlow: oldAlias, ownedFlows: [{ id: "o", alias: oldAlias, tree: masked(desired.browserFlow) }, ...base.ownedFlows.slice(1)] });
    expect(plan.map((l) => l.split(":")[0])).toEqual([`create flow ${browserAlias}`, "update flow-binding browserFlow", `delete flow ${oldAlias}`]);
  });
});

describe("a plan of the post-login flows", () => {
  it("rebinds the flow for providers not in the policy where our Keycloak provider reads it", () => {
    expect(summary({ ...convergedRealm(desired), attributes: { "kca.broker.unlistedFlow": "kca-broker-old" } })).toEqual([
      `update flow-binding providers not in the policy: kca.broker.unlistedFlow: "kca-broker-old" -> "${unlistedAlias}"`,
    ]);
  });

  it("keeps the bound one of two equal copies of a post-login flow, whether a provider or the realm attribute binds it", () => {
    const base = convergedRealm(desired, [{ alias: "social" }]);
    const copy = { id: "c", alias: `${unlistedAlias}-2`, tree: desired.identityProviders.unlisted };
    const flows = [base.ownedFlows[0]!, copy, ...base.ownedFlows.slice(1)];
    expect(summary({ ...base, ownedFlows: flows })).toEqual([`delete flow ${unlistedAlias}-2: no longer bound`]);
    // No provider: the realm attribute alone says which copy is bound.
    expect(summary({ ...base, ownedFlows: flows, identityProviders: [] })).toEqual([`delete flow ${unlistedAlias}-2: no longer bound`]);
    expect(summary({ ...base, ownedFlows: flows, identityProviders: [], attributes: { "kca.broker.unlistedFlow": copy.alias } })).toEqual([`delete flow ${unlistedAlias}: no longer bound`]);
  });

  it("replaces a provider's drifted flow with a diff against the flow it is bound to, and rebinds it", () => {
    const base = convergedRealm(desired, [{ alias: "social" }]);
    const drifted = { children: desired.identityProviders.unlisted.children.slice(1) };
    const actual = { ...base, ownedFlows: [base.ownedFlows[0]!, { id: "d", alias: unlistedAlias, tree: drifted }] };
    const plan = computePlan(desired, actual).changes;
    expect(plan.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual([
      `create flow ${unlistedAlias}`,
      "update flow-binding providers not in the policy",
      "update identity-provider social",
      `delete flow ${unlistedAlias}`,
    ]);
    const [first, ...rest] = flowLines(desired.identityProviders.unlisted, true);
    expect(plan[0]!.details).toEqual(["post-login flow of social, providers not in the policy", `+ ${first}`, ...rest.map((l) => `  ${l}`)]);
    expect(plan[2]!.details).toEqual([`postBrokerLoginFlowAlias: "${unlistedAlias}" -> the new flow`]);
    expect(plan[3]!.details).toEqual(["replaced by the new flow once it is bound"]);
  });
});
