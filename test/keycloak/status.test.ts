// kc-assurance status on a realm provisioned from the example policy: users in each tier with and
// without their factors (stored credentials, made through partialImport as a realm import would),
// tier membership through a group, a subgroup and a composite role, a disabled user, a service
// account. The report follows the realm: a user given the missing factor is no longer pending, and
// a realm the policy was never applied to has nobody in a tier. Our admin extension (kca-status)
// agrees with Keycloak's own API on every user's credentials, and answers only admins who may view users.
import { randomBytes } from "node:crypto";
import { giveTotpApps } from "../../provisioning/admin/users.js";
import type { StatusReport } from "../../provisioning/status/summary.js";
import { runCli } from "../support/cli.js";
import { provision } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { createUserWithTotp } from "../support/theme-fixtures.js";
import { createUser, importUsers } from "../support/users.js";

const realm = useFreshRealm("status");
const bare = useFreshRealm("status-bare");

async function status(name = realm.name): Promise<StatusReport> {
  const r = await runCli(realm, ["status", "policies/example.yaml", "--realm", name, "--json"]);
  expect(r).toMatchObject({ code: 0 });
  return JSON.parse(r.out) as StatusReport;
}

const tierOf = (report: StatusReport, n: number) => report.tiers.find((t) => t.tier === n)!;

beforeAll(async () => {
  await provision(realm);
  const admin = realm.admin;
  await importUsers(admin, realm.name, [
    { username: "tina", groups: ["tier-0-platform-admins"], totp: true },
    { username: "theo", groups: ["tier-0-platform-admins"], totp: true, recoveryCodesLeft: 4 },
    { username: "olga", groups: ["tier-1-operators"], totp: true, recoveryCodesLeft: 12 },
    { username: "otto", groups: ["tier-1-operators"], recoveryCodesLeft: 3, requiredActions: ["CONFIGURE_TOTP"] },
    { username: "dora", groups: ["tier-1-operators"], totp: true, recoveryCodesLeft: 0, enabled: false },
    { username: "pia", groups: ["tier-2-project-owners"] },
    { username: "sam", groups: ["tier-3-standard-users"], totp: true },
    { username: "nora", totp: true, recoveryCodesLeft: 1 },
  ]);
  // Tier 1 through a subgroup of its group, and through a composite role that contains its role.
  const tier1 = (await admin.groups.find({ search: "tier-1-operators", exact: true } as never)).find((g) => g.name === "tier-1-operators")!;
  const sub = await admin.groups.createChildGroup({ id: tier1.id! }, { name: "night-shift" });
  const composite = "operators-lead";
  await admin.roles.create({ name: composite, composite: true });
  const tier1Role = (await admin.roles.findOneByName({ name: "kca-tier-1" }))!;
  await admin.roles.createComposite({ roleId: (await admin.roles.findOneByName({ name: composite }))!.id! }, [tier1Role]);
  const nico = await createUser(realm, "nico");
  await admin.users.addToGroup({ id: nico.id, groupId: sub.id });
  const lena = await createUserWithTotp(realm, "lena");
  await admin.users.addRealmRoleMappings({ id: lena.id, roles: [{ id: (await admin.roles.findOneByName({ name: composite }))!.id!, name: composite }] });
  // A service account is not a person: not counted.
  await admin.clients.create({ clientId: "robot", publicClient: false, serviceAccountsEnabled: true, standardFlowEnabled: false });
});

describe("kc-assurance status", () => {
  it("counts each tier's factors, lists who is pending and whether they are kept out, low codes, users in no tier", async () => {
    const report = await status();
    expect(report.users).toBe(10);
    expect(tierOf(report, 0)).toMatchObject({ users: 2, blockUntilEnrolled: true });
    expect(tierOf(report, 0).factors.filter((f) => f.required)).toEqual([
      { factor: "totp", required: true, users: 2 },
      { factor: "webauthn", required: true, users: 0 },
      { factor: "recovery-codes", required: true, users: 1 },
    ]);
    expect(tierOf(report, 0).pending.map((p) => `${p.username}: ${p.missing.join(",")}${p.blocked ? " (blocked)" : ""}`)).toEqual([
      "theo: webauthn (blocked)", "tina: webauthn,recovery-codes (blocked)",
    ]);
    // A Tier 1 user without an authenticator app is pending, with the set-up Keycloak will ask; so are
    // those in the tier through a subgroup or a composite role; dora's used-up codes count as none.
    const tier1 = tierOf(report, 1);
    expect(tier1).toMatchObject({ users: 5, disabled: 1 });
    expect(tier1.pending).toEqual([
      { username: "dora", enabled: false, missing: ["recovery-codes"], blocked: true, requiredActions: [] },
      { username: "lena", enabled: true, missing: ["recovery-codes"], blocked: true, requiredActions: [] },
      { username: "nico", enabled: true, missing: ["totp", "recovery-codes"], blocked: true, requiredActions: [] },
      { username: "otto", enabled: true, missing: ["totp"], blocked: true, requiredActions: ["CONFIGURE_TOTP"] },
    ]);
    expect(tierOf(report, 2).pending).toEqual([{ username: "pia", enabled: true, missing: ["totp"], blocked: false, requiredActions: [] }]);
    expect(tierOf(report, 3)).toMatchObject({ users: 1, pending: [] });
    expect(report.lowRecoveryCodes).toEqual([
      { username: "dora", left: 0, tiers: [1] }, { username: "nora", left: 1, tiers: [] }, { username: "otto", left: 3, tiers: [1] }, { username: "theo", left: 4, tiers: [0] },
    ]);
    expect(report.noTier).toEqual({ users: 1, usernames: ["nora"] });
    expect(report.unknownRoles).toEqual([]);
  });

  it("prints the same as a table", async () => {
    const r = await runCli(realm, ["status", "policies/example.yaml", "--realm", realm.name]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`realm ${realm.name}: 10 users (service accounts not counted)`);
    expect(r.out).toMatch(/Tier 1 operators \(role kca-tier-1\): 5 users, 1 disabled\n {2}factor +held by\n {2}totp \(required\) +3 of 5\n/);
    expect(r.out).toMatch(/\n {4}otto +missing totp +set-up asked: CONFIGURE_TOTP\n/);
    expect(r.out).toContain("Recovery codes at or below 4 left: 4\n");
    expect(r.err).toMatch(/^read 10 users in \d+ ms\n$/);
  });

  it("follows the realm: a pending user given the missing factor is no longer pending", async () => {
    const otto = (await realm.admin.users.find({ username: "otto", exact: true }))[0]!;
    await giveTotpApps(realm.admin, realm.name, otto.id!, ["Phone"]);
    const tier1 = tierOf(await status(), 1);
    expect(tier1.pending.map((p) => p.username)).toEqual(["dora", "lena", "nico"]);
    expect(tier1.factors[0]).toEqual({ factor: "totp", required: true, users: 4 });
  });

  it("on a realm the policy was never applied to: nobody in a tier, and a warning that the tier roles are missing", async () => {
    await importUsers(realm.admin, bare.name, [{ username: "ann", totp: true }]);
    const report = await status(bare.name);
    expect(report.unknownRoles).toEqual(["kca-tier-0", "kca-tier-1", "kca-tier-2", "kca-tier-3"]);
    expect(report.tiers.map((t) => t.users)).toEqual([0, 0, 0, 0]);
    expect(report.noTier.usernames).toEqual(["ann"]);
    const table = await runCli(realm, ["status", "policies/example.yaml", "--realm", bare.name]);
    expect(table.out).toContain("warning: the realm has no role kca-tier-0, kca-tier-1, kca-tier-2, kca-tier-3: apply the policy first");
  });

  it("says what is wrong when the realm does not exist", async () => {
    const r = await runCli(realm, ["status", "policies/example.yaml", "--realm", `no-such-${randomBytes(3).toString("hex")}`]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no kca-status endpoint \(HTTP 404\): the realm does not exist, or the server lacks our extension/);
  });
});

describe("the kca-status admin extension", () => {
  it("agrees with Keycloak's own admin API on every user's credentials and required actions", async () => {
    const url = `${realm.server.baseUrl}/admin/realms/${realm.name}/kca-status/users?first=0&max=1000`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${await realm.admin.getAccessToken()}` } });
    const body = (await res.json()) as { total: number; users: { id: string; username: string; credentials: Record<string, number>; requiredActions: string[] }[] };
    expect(body.total).toBe(10);
    for (const u of body.users) {
      const stock = await realm.admin.users.getCredentials({ id: u.id });
      const counts: Record<string, number> = {};
      for (const c of stock) counts[c.type!] = (counts[c.type!] ?? 0) + 1;
      expect({ user: u.username, credentials: u.credentials }).toEqual({ user: u.username, credentials: counts });
      expect([...u.requiredActions].sort()).toEqual([...(await realm.admin.users.findOne({ id: u.id }))!.requiredActions!].sort());
      expect(JSON.stringify(u)).not.toMatch(/secret|value|encodedHashedValue/);
    }
  });

  it("pages in username order and refuses bad pages", async () => {
    const page = async (q: string) => fetch(`${realm.server.baseUrl}/admin/realms/${realm.name}/kca-status/users?${q}`, { headers: { authorization: `Bearer ${await realm.admin.getAccessToken()}` } });
    const names = async (q: string) => ((await (await page(q)).json()) as { users: { username: string }[] }).users.map((u) => u.username);
    expect([...(await names("first=0&max=4")), ...(await names("first=4&max=4")), ...(await names("first=8&max=4"))]).toEqual(
      ["dora", "lena", "nico", "nora", "olga", "otto", "pia", "sam", "theo", "tina"]);
    expect((await page("first=0&max=1001")).status).toBe(400);
    expect((await page("first=-1&max=10")).status).toBe(400);
  });

  it("answers only admins who may view the realm's users", async () => {
    const helper = await createUser(realm, "helpdesk");
    const rm = (await realm.admin.clients.find({ clientId: "realm-management" }))[0]!;
    const query = await realm.admin.clients.findRole({ id: rm.id!, roleName: "query-users" });
    await realm.admin.users.addClientRoleMappings({ id: helper.id, clientUniqueId: rm.id!, roles: [{ id: query!.id!, name: "query-users" }] });
    const token = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
      method: "POST", body: new URLSearchParams({ grant_type: "password", client_id: "admin-cli", username: helper.username, password: helper.password }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const res = await fetch(`${realm.server.baseUrl}/admin/realms/${realm.name}/kca-status/users`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(403);
    const anonymous = await fetch(`${realm.server.baseUrl}/admin/realms/${realm.name}/kca-status/users`);
    expect(anonymous.status).toBe(401);
  });
});
