// Applying policies to a real realm: what lands, that a re-apply writes nothing, that drift made
// through the admin API is planned and repaired, and that a policy change is applied in place.
import { readFileSync } from "node:fs";
import { applyPolicy, planRealm } from "../../provisioning/converge.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import type { Policy } from "../../provisioning/policy/model.js";
import { flowLines } from "../../provisioning/compile/flow-tree.js";
import { readFlowTree } from "../../provisioning/keycloak/read-realm.js";
import { run } from "../../provisioning/cli/main.js";
import { useFreshRealm } from "../support/realm.js";

const exampleText = readFileSync(new URL("../../policies/example.yaml", import.meta.url), "utf8");
const policyOf = (text: string): Policy => {
  const r = checkPolicy("policy.yaml", text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.policy;
};
const example = policyOf(exampleText);
const realm = useFreshRealm("provision");

interface ExecutionInfo { id: string; providerId?: string; displayName?: string; level: number; index: number; priority: number; requirement: string; authenticationConfig?: string }

describe("apply", () => {
  it("configures a fresh realm from the example policy", async () => {
    const outcome = await applyPolicy(realm.admin, example, realm.name);
    expect(outcome.writes).toBeGreaterThan(0);

    const rep = (await realm.admin.realms.findOne({ realm: realm.name }))!;
    expect(rep.browserFlow).toBe(outcome.boundFlow);
    expect(rep.browserFlow).toMatch(/^kca-browser-[0-9a-f]{8}$/);
    expect(JSON.parse(rep.attributes!["acr.loa.map"])).toEqual({
      "urn:example:loa:1": 1, "urn:example:loa:2": 2, "http://schemas.openid.net/pape/policies/2007/06/multi-factor": 2, "urn:example:loa:3": 3,
    });
    expect(rep).toMatchObject({ otpPolicyDigits: 6, otpPolicyPeriod: 30, otpPolicyAlgorithm: "HmacSHA1", bruteForceProtected: true, failureFactor: 5, maxSecondaryAuthFailures: 20, loginTheme: "kc-assurance" });

    const executions = (await realm.admin.authenticationManagement.getExecutions({ flow: rep.browserFlow! } as never)) as ExecutionInfo[];
    const tierLevel = executions.filter((e) => e.providerId === "kca-tier-level");
    expect(tierLevel.map((e) => e.requirement)).toEqual(["REQUIRED", "REQUIRED"]);
    const tier0 = await realm.admin.authenticationManagement.getConfig({ id: tierLevel[0]!.authenticationConfig! } as never);
    expect(tier0.config).toEqual({ "kca.tier.role": "kca-tier-0", "kca.tier.level": "3" });
    const loa = executions.filter((e) => e.providerId === "conditional-level-of-authentication");
    const loaConfigs = await Promise.all(loa.map((e) => realm.admin.authenticationManagement.getConfig({ id: e.authenticationConfig! } as never)));
    expect(loaConfigs.map((c) => c.config)).toEqual([
      { "loa-condition-level": "1", "loa-max-age": "36000" },
      { "loa-condition-level": "2", "loa-max-age": "3600" },
      { "loa-condition-level": "3", "loa-max-age": "900" },
    ]);
    const loa3 = executions.find((e) => e.displayName === `${rep.browserFlow} loa3`)!;
    expect(loa3.requirement).toBe("CONDITIONAL");
    // The realm still serves discovery (Keycloak fails it when a flow repeats a level).
    const discovery = await fetch(`${realm.issuer}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { acr_values_supported: string[] }).acr_values_supported).toEqual(expect.arrayContaining(["urn:example:loa:1", "urn:example:loa:3"]));

    const [portal] = await realm.admin.clients.find({ clientId: "admin-portal" });
    expect(portal!.attributes).toMatchObject({ "default.acr.values": "urn:example:loa:2##urn:example:loa:3", "minimum.acr.value": "urn:example:loa:2" });
    const events = await realm.admin.realms.getConfigEvents({ realm: realm.name });
    expect(events).toMatchObject({ eventsEnabled: true, eventsExpiration: 90 * 86400, adminEventsEnabled: true, adminEventsDetailsEnabled: false });
    const claims = (await realm.admin.clientScopes.findOneByName({ name: "kca-claims" }))!;
    const mappers = await realm.admin.clientScopes.listProtocolMappers({ id: claims.id! });
    expect(mappers.map((m) => [m.name, m.protocolMapper]).sort()).toEqual([["amr", "kca-amr-mapper"], ["api audience", "oidc-audience-mapper"]]);
    expect(mappers.find((m) => m.name === "api audience")!.config).toMatchObject({ "included.custom.audience": "example-api", "access.token.claim": "true" });
    const group = (await realm.admin.groups.find({ search: "tier-0-platform-admins", exact: true } as never))[0]!;
    expect((await realm.admin.groups.listRealmRoleMappings({ id: group.id! })).map((r) => r.name)).toContain("kca-tier-0");
  });

  it("makes zero writes when applied again", async () => {
    const again = await applyPolicy(realm.admin, example, realm.name);
    expect(again.writes).toBe(0);
    expect(again.plan.changes).toEqual([]);
  });

  it("shows drift made in the admin API in plan, with order drift, and repairs it", async () => {
    const rep = (await realm.admin.realms.findOne({ realm: realm.name }))!;
    await realm.admin.realms.update({ realm: realm.name }, { failureFactor: 9 });
    const executions = (await realm.admin.authenticationManagement.getExecutions({ flow: rep.browserFlow! } as never)) as ExecutionInfo[];
    const shifted = executions.find((e) => e.providerId === "webauthn-authenticator" && e.level === 3)!;
    await realm.admin.authenticationManagement.raisePriorityExecution({ id: shifted.id } as never);

    const plan = await planRealm(realm.admin, example, realm.name);
    const kinds = plan.changes.map((c) => `${c.action} ${c.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(["update realm", "create flow", "update flow-binding", `delete flow`]));
    expect(plan.changes.find((c) => c.kind === "realm")!.details).toContain("failureFactor: 9 -> 5");
    const flowDiff = plan.changes.find((c) => c.action === "create" && c.kind === "flow")!.details;
    // Order drift shows as a move: the same step removed in one place and added in another.
    const removed = flowDiff.filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
    const moved = flowDiff.filter((l) => l.startsWith("+ ")).map((l) => l.slice(2)).filter((l) => removed.includes(l));
    expect(moved.some((l) => /auth-otp-form|webauthn-authenticator /.test(l))).toBe(true);

    const repaired = await applyPolicy(realm.admin, example, realm.name);
    expect(repaired.boundFlow).not.toBe(rep.browserFlow);
    expect((await planRealm(realm.admin, example, realm.name)).changes).toEqual([]);
    const flows = (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias);
    expect(flows.filter((a) => a?.startsWith("kca-browser"))).toEqual([repaired.boundFlow]);
  });

  it("turns first-page passkeys back on without touching WebAuthn policy fields it does not manage", async () => {
    // An admin turns passkeys off and sets timeouts on both WebAuthn policies. Keycloak applies a
    // policy only from an update naming its relying party, and resets what that update leaves out.
    const rep = (await realm.admin.realms.findOne({ realm: realm.name })) as Record<string, unknown>;
    const policies = Object.fromEntries(Object.entries(rep).filter(([k]) => k.startsWith("webAuthnPolicy")));
    await realm.admin.realms.update({ realm: realm.name }, {
      ...policies,
      webAuthnPolicyPasswordlessPasskeysEnabled: false,
      webAuthnPolicyPasswordlessCreateTimeout: 45,
      webAuthnPolicyCreateTimeout: 50,
    } as never);

    const plan = await planRealm(realm.admin, example, realm.name);
    expect(plan.changes.find((c) => c.kind === "realm")?.details).toEqual(["webAuthnPolicyPasswordlessPasskeysEnabled: false -> true"]);
    await applyPolicy(realm.admin, example, realm.name);

    const after = (await realm.admin.realms.findOne({ realm: realm.name })) as Record<string, unknown>;
    expect(after).toMatchObject({
      webAuthnPolicyPasswordlessPasskeysEnabled: true,
      webAuthnPolicyPasswordlessCreateTimeout: 45,
      webAuthnPolicyCreateTimeout: 50,
      webAuthnPolicyPasswordlessUserVerificationRequirement: "required",
    });
    expect((await planRealm(realm.admin, example, realm.name)).changes).toEqual([]);
  });

  it("repairs the claims scope: a changed mapper is replaced, one the policy does not have is removed", async () => {
    const scope = (await realm.admin.clientScopes.findOneByName({ name: "kca-claims" }))!;
    const audience = (await realm.admin.clientScopes.listProtocolMappers({ id: scope.id! })).find((m) => m.name === "api audience")!;
    await realm.admin.clientScopes.updateProtocolMapper({ id: scope.id!, mapperId: audience.id! }, { ...audience, config: { ...audience.config, "included.custom.audience": "other-api" } });
    await realm.admin.clientScopes.addProtocolMapper({ id: scope.id! }, {
      name: "stray", protocol: "openid-connect", protocolMapper: "oidc-audience-mapper", config: { "included.custom.audience": "stray-api", "access.token.claim": "true" },
    });

    const plan = await planRealm(realm.admin, example, realm.name);
    const details = plan.changes.find((c) => c.kind === "client-scope")!.details;
    expect(details.some((l) => l.startsWith("mapper api audience ") && l.includes("other-api") && l.includes("example-api"))).toBe(true);
    expect(details).toContain("mapper stray: - oidc-audience-mapper");

    await applyPolicy(realm.admin, example, realm.name);
    const mappers = await realm.admin.clientScopes.listProtocolMappers({ id: scope.id! });
    expect(mappers.map((m) => m.name).sort()).toEqual(["amr", "api audience"]);
    expect(mappers.find((m) => m.name === "api audience")!.config).toMatchObject({ "included.custom.audience": "example-api" });
    expect((await planRealm(realm.admin, example, realm.name)).changes).toEqual([]);
  });

  it("applies a policy change in place: tier 1 moves from TOTP to WebAuthn", async () => {
    const before = (await realm.admin.realms.findOne({ realm: realm.name }))!.browserFlow!;
    // WebAuthn is the level-3 factor, so tier 1 now reaches level 3.
    const changed = policyOf(exampleText.replace("level: loa2\n    require: [totp, recovery-codes]", "level: loa3\n    require: [webauthn, recovery-codes]"));
    const outcome = await applyPolicy(realm.admin, changed, realm.name);
    expect(outcome.boundFlow).not.toBe(before);
    const lines = flowLines(await readFlowTree(realm.admin, realm.name, outcome.boundFlow));
    const start = lines.findIndex((l) => l.includes("loa3-tier-1 (subflow)"));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 2]!.trim()).toMatch(/^webauthn-authenticator REQUIRED/);
    expect(lines.some((l) => l.includes("loa2-tier-1 (subflow)"))).toBe(false);
    expect(lines.filter((l) => l.includes("kca-tier-level")).some((l) => l.includes('"kca.tier.level":"3","kca.tier.role":"kca-tier-1"'))).toBe(true);
    expect((await applyPolicy(realm.admin, changed, realm.name)).writes).toBe(0);
  });

  it("plan --json --detailed-exitcode through the CLI: 2 with changes, 0 without, no secret printed", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { KEYCLOAK_URL: realm.server.baseUrl, KEYCLOAK_ADMIN_USERNAME: realm.server.admin.username, KEYCLOAK_ADMIN_PASSWORD: realm.server.admin.password };
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env };
    expect(await run(["plan", "policies/example.yaml", "--realm", realm.name, "--json", "--detailed-exitcode"], io)).toBe(2);
    const parsed = JSON.parse(out.join("")) as { plans: { realm: string; changes: { kind: string }[] }[] };
    expect(parsed.plans[0]!.realm).toBe(realm.name);
    expect(parsed.plans[0]!.changes.map((c) => c.kind)).toContain("flow");
    expect(await run(["apply", "policies/example.yaml", "--realm", realm.name], io)).toBe(0);
    out.length = 0;
    expect(await run(["plan", "policies/example.yaml", "--realm", realm.name, "--detailed-exitcode"], io)).toBe(0);
    expect(out.join("")).toContain("no changes");
    expect([...out, ...err].join("")).not.toContain(realm.server.admin.password);
  });
});
