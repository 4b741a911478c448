// Paths platform teams take with the CLI that no other test walks: a realm that does not exist yet
// (refused unless --create-realm, so a typo never makes a realm), several realms in one apply, and
// apply through a service account instead of an admin user.
import { randomBytes } from "node:crypto";
import { run } from "../../provisioning/cli/main.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("cli-paths");
const created = `cli-created-${randomBytes(4).toString("hex")}`;

function cli(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const { baseUrl, admin } = realm.server;
  const base = { KEYCLOAK_URL: baseUrl, KEYCLOAK_ADMIN_USERNAME: admin.username, KEYCLOAK_ADMIN_PASSWORD: admin.password };
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), env: { ...base, ...env } } };
}

afterAll(async () => {
  await realm.admin.realms.del({ realm: created }).catch(() => {});
});

describe("kc-assurance apply", () => {
  it("refuses a realm that does not exist unless told to create it; then applies several realms in one run", async () => {
    const typo = cli();
    expect(await run(["apply", "policies/example.yaml", "--realm", created], typo.io)).toBe(1);
    expect(typo.err.join("")).toContain(`realm "${created}" does not exist on the server; check the name, or pass --create-realm to create it`);
    expect(await realm.admin.realms.findOne({ realm: created })).toBeFalsy();

    const both = cli();
    expect(await run(["apply", "policies/example.yaml", "--realm", created, "--realm", realm.name, "--create-realm"], both.io)).toBe(0);
    expect(both.err.join("")).toContain(`${created}: created the realm`);
    for (const name of [created, realm.name]) {
      const plan = cli();
      expect(await run(["plan", "policies/example.yaml", "--realm", name, "--detailed-exitcode"], plan.io)).toBe(0);
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

      const ci = cli({ KEYCLOAK_ADMIN_PASSWORD: "", KEYCLOAK_CLIENT_SECRET: secret });
      expect(await run(["apply", "policies/example.yaml", "--realm", realm.name, "--client-id", clientId], ci.io)).toBe(0);
      expect((await realm.admin.roles.findOneByName({ realm: realm.name, name: "kca-tier-0" }))!.description).toMatch(/^Managed by kc-assurance/);
      expect(ci.out.join("") + ci.err.join("")).not.toContain(secret);

      const wrong = cli({ KEYCLOAK_ADMIN_PASSWORD: "", KEYCLOAK_CLIENT_SECRET: "not-the-secret" });
      expect(await run(["plan", "policies/example.yaml", "--realm", realm.name, "--client-id", clientId], wrong.io)).toBe(1);
      expect(wrong.err.join("")).toMatch(new RegExp(`client ${clientId} failed: HTTP 401`));
      expect(wrong.err.join("")).not.toContain("not-the-secret");
    } finally {
      await realm.admin.clients.del({ realm: "master", id });
    }
  });
});
