// Identity providers in the compiler and the plan: each provider's post-login flow carries the
// ladder for brokered sign-ins, providers the policy does not list get the "reject" flow, and the
// plan names every provider of the realm with how it is treated.
import { readFileSync } from "node:fs";
import { BROKER_FLOW_PREFIX, compileRealm, type DesiredRealm } from "../../../provisioning/compile/desired.js";
import { flowLines, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import { computePlan, forwardParameters, PlanError } from "../../../provisioning/plan/plan.js";
import { renderPlan } from "../../../provisioning/plan/render.js";
import type { Policy } from "../../../provisioning/policy/model.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { convergedRealm } from "./converged.js";

const SECTION = `
identityProviders:
  corp:
    trust: accept
    maxAge: 8h
    levels:
      loa2: { acr: ["urn:corp:loa:2"], amr: [otp, mfa] }
      loa3: { amr: [hwk] }
    request:
      loa2: "urn:corp:loa:2   urn:corp:mfa"
  strict:
    trust: enforce
    levels:
      loa2: { acr: ["urn:corp:loa:2"] }
  partner:
    trust: reject
`;
const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");
// Compiled for each test, not once at load, so that a mutation run's mutant goes through the compiler.
let policy: Policy;
let desired: DesiredRealm;
beforeEach(() => {
  const checked = checkPolicy("example.yaml", `${example}${SECTION}`);
  if (!checked.ok) throw new Error(checked.issues.map((i) => i.message).join("\n"));
  policy = checked.policy;
  desired = compileRealm(policy);
});
const flowOf = (alias: string) => desired.identityProviders.listed.find((l) => l.alias === alias)!.flow;
const lines = (tree: FlowTree) => flowLines(tree).map((l) => l.trim());
const providerName = (l: string) => l.split(" ")[0];

describe("the README's worked policy", () => {
  it("is valid with the example policy and gives each provider the flow of its trust", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith("identityProviders:"));
    expect(block).toBeDefined();
    const r = checkPolicy("README.md", `${example}\n${block}`);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([]);
    if (!r.ok) return;
    expect(r.policy.identityProviders.map((i) => [i.alias, i.trust, i.levels.map((l) => l.level.name), i.maxAge])).toEqual([
      ["corporate", "accept", ["loa2", "loa3"], 8 * 3600],
      ["partners", "reject", [], 0],
    ]);
    expect(compileRealm(r.policy).identityProviders.listed.find((l) => l.alias === "partners")!.flow).toEqual(compileRealm(r.policy).identityProviders.unlisted);
  });
});

describe("post-login flows", () => {
  it("start by recording what the upstream reached, with the provider's trust, levels by rank and maxAge in seconds", () => {
    expect(lines(flowOf("corp"))[0]).toBe(
      'kca-upstream-assurance REQUIRED {"kca.upstream.levels":"[{\\"level\\":2,\\"acr\\":[\\"urn:corp:loa:2\\"],\\"amr\\":[\\"otp\\",\\"mfa\\"]},{\\"level\\":3,\\"acr\\":[],\\"amr\\":[\\"hwk\\"]}]","kca.upstream.maxAge":"28800","kca.upstream.trust":"accept"}',
    );
    expect(lines(flowOf("partner"))[0]).toBe('kca-upstream-assurance REQUIRED {"kca.upstream.levels":"[]","kca.upstream.maxAge":"0","kca.upstream.trust":"reject"}');
  });

  it("raise the level for tiers as the browser flow does, then run levels 2 and up, never level 1's factor choice", () => {
    const corp = lines(flowOf("corp"));
    expect(corp.filter((l) => l.startsWith("kca-tier-level"))).toEqual(lines(desired.browserFlow).filter((l) => l.startsWith("kca-tier-level")));
    const conditions = corp.filter((l) => l.startsWith("conditional-level-of-authentication")).map((l) => /"loa-condition-level":"(\d)"/.exec(l)![1]);
    expect(conditions).toEqual(["2", "3"]);
    // No password or passkey: the upstream sign-in is the first factor.
    expect(corp.map(providerName)).not.toEqual(expect.arrayContaining(["auth-password-form", "auth-username-form", "conditional-credential"]));
    // The level's local factors and enrolment, as in the browser flow.
    expect(corp).toEqual(expect.arrayContaining([expect.stringMatching(/^auth-otp-form /), expect.stringMatching(/^webauthn-authenticator /)]));
  });

  it("enforce: a level the upstream did not reach is refused, with no local factor anywhere", () => {
    const strict = lines(flowOf("strict"));
    expect(strict.filter((l) => l.startsWith("deny-access-authenticator"))).toEqual([
      'deny-access-authenticator REQUIRED {"denyErrorMessage":"kcaUpstreamMfaRequired"}',
      'deny-access-authenticator REQUIRED {"denyErrorMessage":"kcaUpstreamMfaRequired"}',
    ]);
    expect(strict.map(providerName).filter((p) => /otp|webauthn|recovery/.test(p!))).toEqual([]);
  });

  it("reject: the same local steps as accept, with nothing counted upstream", () => {
    const steps = (tree: FlowTree) => lines(tree).slice(1);
    expect(steps(flowOf("partner"))).toEqual(steps(flowOf("corp")));
    expect(desired.identityProviders.unlisted).toEqual(flowOf("partner"));
  });

  it("a level with maxAge 0 counts an upstream sign-in of the last minute (the condition compares whole seconds)", () => {
    const zero = checkPolicy("zero.yaml", `${example.replace("maxAge: 15m", "maxAge: 0")}${SECTION}`);
    if (!zero.ok) throw new Error("invalid");
    const tree = compileRealm(zero.policy).identityProviders.listed[0]!.flow;
    expect(lines(tree).filter((l) => l.includes('"loa-condition-level":"3"'))).toEqual([
      'conditional-level-of-authentication REQUIRED {"loa-condition-level":"3","loa-max-age":"60"}',
    ]);
  });

  it("the browser flow first writes what providers are asked for, then honours kc_idp_hint right after SSO", () => {
    expect(desired.browserFlow.children.slice(0, 3).map((c) => (c.kind === "execution" ? c.provider : c.name))).toEqual(["kca-upstream-request", "auth-cookie", "identity-provider-redirector"]);
    expect(lines(desired.browserFlow)[0]).toBe('kca-upstream-request ALTERNATIVE {"kca.upstream.request":"{\\"2\\":\\"urn:corp:loa:2 urn:corp:mfa\\"}"}');
    // Without any request, no such step.
    expect(compileRealm({ ...policy, identityProviders: [] }).browserFlow.children[0]).toMatchObject({ provider: "auth-cookie" });
  });
});

const converged = (providers: readonly { alias: string }[]) => convergedRealm(desired, providers);

describe("plan with identity providers", () => {
  const all = [{ alias: "corp" }, { alias: "strict" }, { alias: "partner" }, { alias: "legacy" }];

  it("is empty when every provider has its flow, and still lists every provider with its treatment", () => {
    const plan = computePlan(desired, converged(all));
    expect(plan.changes).toEqual([]);
    expect(plan.identityProviders).toEqual([
      { alias: "corp", trust: "accept", listed: true },
      { alias: "strict", trust: "enforce", listed: true },
      { alias: "partner", trust: "reject", listed: true },
      { alias: "legacy", trust: "reject", listed: false },
    ]);
    expect(renderPlan(plan)).toContain("identity providers: corp (trust accept), strict (trust enforce), partner (trust reject), legacy (not in the policy: trust reject)");
  });

  it("binds a provider added in the admin console, and builds each distinct flow once (partner and legacy share one)", () => {
    const base = converged(all);
    const bare = {
      ...base,
      ownedFlows: base.ownedFlows.slice(0, 1),
      attributes: {},
      identityProviders: base.identityProviders.map((i) => ({ ...i, postBrokerLoginFlowAlias: "", forwardParameters: undefined })),
    };
    const plan = computePlan(desired, bare);
    expect(plan.changes.filter((c) => c.kind === "flow").map((c) => `${c.action} ${c.details[0]}`)).toEqual([
      "create post-login flow of partner, legacy, providers not in the policy",
      "create post-login flow of corp",
      "create post-login flow of strict",
    ]);
    expect(plan.changes.filter((c) => c.kind === "identity-provider").map((c) => [c.name, c.details])).toEqual(
      ["corp", "strict", "partner", "legacy"].map((alias) => [alias, ['postBrokerLoginFlowAlias: "" -> the new flow', `forwardParameters: (unset) -> "max_age${alias === "corp" ? ",acr_values" : ""}"`]]),
    );
  });

  it("repairs a provider rebound to another flow and deletes the flow nothing uses any more", () => {
    const base = converged(all);
    const drifted = { ...base, identityProviders: base.identityProviders.map((i) => (i.alias === "strict" ? { ...i, postBrokerLoginFlowAlias: "" } : i)) };
    expect(computePlan(desired, drifted).changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual(["update identity-provider strict"]);
    const stray = { ...base, ownedFlows: [...base.ownedFlows, { id: "x", alias: `${BROKER_FLOW_PREFIX}-0000`, tree: { children: [] } }] };
    expect(computePlan(desired, stray).changes.map((c) => `${c.action} ${c.kind} ${c.name} ${c.details.join()}`)).toEqual([`delete flow ${BROKER_FLOW_PREFIX}-0000 no longer bound`]);
  });

  it("refuses a policy naming a provider the realm does not have, before anything is written", () => {
    expect(() => computePlan(desired, converged([{ alias: "corp" }]))).toThrow(PlanError);
    expect(() => computePlan(desired, converged([{ alias: "corp" }]))).toThrow('realm "example" has no identity provider "strict", "partner" named under identityProviders (it has: corp)');
  });

  it("never forwards local acr values upstream, keeps what else the admin forwards, and passes max_age", () => {
    const idp = (forward?: string) => ({ alias: "x", postBrokerLoginFlowAlias: "", forwardParameters: forward, representation: {} });
    expect(forwardParameters(idp(), false)).toBe("max_age");
    expect(forwardParameters(idp("acr_values"), false)).toBe("max_age");
    expect(forwardParameters(idp("login_hint, acr_values,ui_locales"), false)).toBe("login_hint,ui_locales,max_age");
    expect(forwardParameters(idp("max_age"), false)).toBe("max_age");
    // A provider the policy asks something of gets acr_values: the value our browser flow wrote.
    expect(forwardParameters(idp(), true)).toBe("max_age,acr_values");
  });
});
