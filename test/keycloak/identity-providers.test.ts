// Apply and identity providers on a real realm: every provider gets its post-login flow (listed
// ones by their trust, others "reject"), local acr values stop being forwarded, a re-apply writes
// nothing, drift made in the admin console is planned and repaired, and a policy naming a provider
// the realm lacks is refused before any write.
import { readFileSync } from "node:fs";
import { applyPolicy, planRealm } from "../../provisioning/converge.js";
import { renderPlan } from "../../provisioning/plan/render.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import type { Policy } from "../../provisioning/policy/model.js";
import { useFreshRealm } from "../support/realm.js";

const example = readFileSync(new URL("../../policies/example.yaml", import.meta.url), "utf8");
const policyOf = (section: string): Policy => {
  const r = checkPolicy("policy.yaml", `${example}\n${section}`);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.policy;
};
const policy = policyOf(`
identityProviders:
  corp:
    trust: accept
    levels:
      loa2: { amr: [otp] }
  partner:
    trust: reject
`);
const realm = useFreshRealm("idp-apply");

/** An OIDC provider that is never called: these tests read and write configuration only. */
async function provider(alias: string, config: Record<string, string> = {}): Promise<void> {
  await realm.admin.identityProviders.create({
    alias, providerId: "oidc", enabled: true,
    config: { clientId: `client-${alias}`, clientSecret: "s3cret", authorizationUrl: "https://idp.invalid/auth", tokenUrl: "https://idp.invalid/token", ...config },
  } as never);
}
const read = async (alias: string) => (await realm.admin.identityProviders.findOne({ alias }))!;

describe("apply with identity providers", () => {
  beforeAll(async () => {
    await provider("corp");
    await provider("partner");
    await provider("legacy", { forwardParameters: "acr_values,login_hint" });
  });

  it("gives every provider of the realm its post-login flow, and stops forwarding local acr values", async () => {
    const plan = await planRealm(realm.admin, policy, realm.name);
    expect(renderPlan(plan)).toContain("identity providers: corp (trust accept), legacy (not in the policy: trust reject), partner (trust reject)");
    await applyPolicy(realm.admin, policy, realm.name);

    const [corp, partner, legacy] = await Promise.all(["corp", "partner", "legacy"].map(read));
    expect(corp!.postBrokerLoginFlowAlias).toMatch(/^kca-broker-[0-9a-f]{8}$/);
    expect(partner!.postBrokerLoginFlowAlias).toMatch(/^kca-broker-[0-9a-f]{8}$/);
    expect(partner!.postBrokerLoginFlowAlias).not.toBe(corp!.postBrokerLoginFlowAlias);
    // A provider the policy does not list is treated as "reject": the same flow as partner's.
    expect(legacy!.postBrokerLoginFlowAlias).toBe(partner!.postBrokerLoginFlowAlias);
    expect(corp!.config).toMatchObject({ forwardParameters: "max_age", clientId: "client-corp" });
    expect(legacy!.config).toMatchObject({ forwardParameters: "login_hint,max_age", clientId: "client-legacy" });

    const executions = (await realm.admin.authenticationManagement.getExecutions({ flow: corp!.postBrokerLoginFlowAlias! } as never)) as { providerId?: string; authenticationConfig?: string }[];
    expect(executions[0]!.providerId).toBe("kca-upstream-assurance");
    const config = await realm.admin.authenticationManagement.getConfig({ id: executions[0]!.authenticationConfig! } as never);
    expect(config.config).toEqual({ "kca.upstream.trust": "accept", "kca.upstream.levels": '[{"level":2,"acr":[],"amr":["otp"]}]', "kca.upstream.maxAge": "0" });

    const again = await applyPolicy(realm.admin, policy, realm.name);
    expect(again.writes).toBe(0);
  });

  it("a listed provider unbound in the admin console is never open: held on the reject flow at once, then restored by apply", async () => {
    const corp = await read("corp");
    const unlisted = (await read("partner")).postBrokerLoginFlowAlias;
    await realm.admin.identityProviders.update({ alias: "corp" }, { ...corp, postBrokerLoginFlowAlias: "", config: { ...corp.config, forwardParameters: "acr_values" } });
    // Our Keycloak provider (kca-idp-guard) rebinds it within the same request.
    const held = await read("corp");
    expect(held.postBrokerLoginFlowAlias).toBe(unlisted);
    expect(held.config).toMatchObject({ forwardParameters: "max_age" });
    await provider("newcomer");
    const plan = await planRealm(realm.admin, policy, realm.name);
    expect(plan.changes.map((c) => `${c.action} ${c.kind} ${c.name}: ${c.details.join("; ")}`)).toEqual([
      `update identity-provider corp: postBrokerLoginFlowAlias: "${unlisted}" -> "${corp.postBrokerLoginFlowAlias}"`,
    ]);
    await applyPolicy(realm.admin, policy, realm.name);
    expect((await read("corp")).postBrokerLoginFlowAlias).toBe(corp.postBrokerLoginFlowAlias);
    expect((await read("newcomer")).postBrokerLoginFlowAlias).toBe(unlisted);
    expect((await planRealm(realm.admin, policy, realm.name)).changes).toEqual([]);
  });

  it("binds a provider created later in the admin console at once, before any apply (kca-idp-guard)", async () => {
    const unlisted = (await realm.admin.realms.findOne({ realm: realm.name }))!.attributes!["kca.broker.unlistedFlow"];
    expect(unlisted).toBe((await read("partner")).postBrokerLoginFlowAlias);
    await provider("latecomer", { forwardParameters: "acr_values,login_hint" });
    const latecomer = await read("latecomer");
    expect(latecomer.postBrokerLoginFlowAlias).toBe(unlisted);
    expect(latecomer.config).toMatchObject({ forwardParameters: "login_hint,max_age" });
    // Unbinding it in the console does not stick either.
    await realm.admin.identityProviders.update({ alias: "latecomer" }, { ...latecomer, postBrokerLoginFlowAlias: "" });
    expect((await read("latecomer")).postBrokerLoginFlowAlias).toBe(unlisted);
    expect((await planRealm(realm.admin, policy, realm.name)).changes).toEqual([]);
  });

  it("refuses a policy naming a provider the realm does not have, before writing anything", async () => {
    const before = (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias).sort();
    const ghost = policyOf(`
identityProviders:
  corp:
    trust: accept
    levels:
      loa2: { amr: [otp] }
  ghost:
    trust: enforce
    levels:
      loa3: { amr: [hwk] }
`);
    await expect(applyPolicy(realm.admin, ghost, realm.name)).rejects.toThrow(/has no identity provider "ghost" named under identityProviders \(it has: corp, latecomer, legacy, newcomer, partner\)/);
    expect((await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias).sort()).toEqual(before);
  });

  it("drops the post-login flow a policy change leaves behind", async () => {
    const owned = async () => (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias!).filter((a) => a.startsWith("kca-broker-")).sort();
    expect(await owned()).toHaveLength(2);
    const stricter = policyOf(`
identityProviders:
  corp:
    trust: enforce
    levels:
      loa2: { amr: [otp] }
`);
    await applyPolicy(realm.admin, stricter, realm.name);
    const flows = await owned();
    expect(flows).toHaveLength(2); // corp's new flow, and the "reject" flow of every other provider
    expect(flows).toContain((await read("corp")).postBrokerLoginFlowAlias);
    expect(flows).toContain((await read("partner")).postBrokerLoginFlowAlias);
  });
});
