// Paths platform teams take with the CLI that no other test walks: a realm that does not exist yet
// (refused unless --create-realm, so a typo never makes a realm), several realms in one apply, and
// apply through a service account instead of an admin user.
import { randomBytes } from "node:crypto";
import { runCli } from "../support/cli.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("cli-paths");
const created = `cli-created-${randomBytes(4).toString("hex")}`;

afterAll(async () => {
  await realm.admin.realms.del({ realm: created }).catch(() => {});
});

describe("kc-assurance apply", () => {
  it("refuses a realm that does not exist unless told to create it; then applies several realms in one run", async () => {
    const typo = await runCli(realm, ["apply", "policies/example.yaml", "--realm", created]);
    expect(typo.code).toBe(1);
    expect(typo.err).toContain(`realm "${created}" does not exist on the server; check the name, or pass --create-realm to create it`);
    expect(await realm.admin.realms.findOne({ realm: created })).toBeFalsy();

    const both = await runCli(realm, ["apply", "policies/example.yaml", "--realm", created, "--realm", realm.name, "--create-realm"]);
    expect(both.code).toBe(0);
    expect(both.err).toContain(`${created}: created the realm`);
    for (const name of [created, realm.name]) {
      const plan = await runCli(realm, ["plan", "policies/example.yaml", "--realm", name, "--detailed-exitcode"]);
      expect(plan.code).toBe(0);
      expect((await realm.admin.realms.findOne({ realm: name }))!.browserFlow).toMatch(/^kca-browser-/);
    }
  });

  it("works through a service account (--client-id, secret from the environment, never printed)", async () => {
    const clientId = `kca-ci-${randomBytes(3).toString("hex")}`;
    const secret = randomBytes(24).toString("base64url");
    const { id } = await realm.admin.clients.create({ realm: "master", clientId, secret, publicClient: false, serviceAccountsEnabled: true, standardFlowEnabled: false });
    try {
      const account = await realm.admin.clients.getServiceAccountUser({ realm: "master", id });
      const adminRole = (await realm.admin.roles.findOneByName({ realm: "master", name: "admin" }))!;
      await realm.admin.users.addRealmRoleMappings({ realm: "master", id: account.id!, roles: [{ id: adminRole.id!, name: adminRole.name! }] });
      await realm.admin.roles.updateByName({ realm: realm.name, name: "kca-tier-0" }, { name: "kca-tier-0", description: "drift" });

      const ci = await runCli(realm, ["apply", "policies/example.yaml", "--realm", realm.name, "--client-id", clientId], { KEYCLOAK_ADMIN_PASSWORD: "", KEYCLOAK_CLIENT_SECRET: secret });
      expect(ci.code).toBe(0);
      expect((await realm.admin.roles.findOneByName({ realm: realm.name, name: "kca-tier-0" }))!.description).toMatch(/^Managed by kc-assurance/);
      expect(ci.out + ci.err).not.toContain(secret);

      const wrong = await runCli(realm, ["plan", "policies/example.yaml", "--realm", realm.name, "--client-id", clientId], { KEYCLOAK_ADMIN_PASSWORD: "", KEYCLOAK_CLIENT_SECRET: "not-the-secret" });
      expect(wrong.code).toBe(1);
      expect(wrong.err).toMatch(new RegExp(`client ${clientId} failed: HTTP 401`));
      expect(wrong.err).not.toContain("not-the-secret");
    } finally {
      await realm.admin.clients.del({ realm: "master", id });
    }
  });
});
