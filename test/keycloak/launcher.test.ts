// The shared server from the global setup answers, the admin client authenticates, and a realm's
// whole life (create, read, delete) works through it.
import { connectAdmin } from "../../provisioning/admin/connect.js";
import { keycloakVersion } from "../../scripts/keycloak/version.js";
import { testServer } from "../support/server.js";

describe("launcher and admin client", () => {
  it("runs the pinned Keycloak version", async () => {
    const { baseUrl, admin } = testServer();
    const client = await connectAdmin(baseUrl, { kind: "password", ...admin });
    const info = await client.serverInfo.find();
    expect(info.systemInfo?.version).toBe(keycloakVersion);
  });

  it("creates and deletes a realm", async () => {
    const { baseUrl, admin } = testServer();
    const client = await connectAdmin(baseUrl, { kind: "password", ...admin });
    const realm = `launcher-${Date.now().toString(36)}`;
    await client.realms.create({ realm, enabled: true });
    const discovery = await fetch(`${baseUrl}/realms/${realm}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${baseUrl}/realms/${realm}`);

    await client.realms.del({ realm });
    expect(await client.realms.findOne({ realm })).toBeNull();
    expect((await fetch(`${baseUrl}/realms/${realm}/.well-known/openid-configuration`)).status).toBe(404);
  });

  it("refuses a wrong admin password without echoing it", async () => {
    const { baseUrl, admin } = testServer();
    const wrong = "not-the-password-xyz";
    const attempt = connectAdmin(baseUrl, { kind: "password", username: admin.username, password: wrong });
    await expect(attempt).rejects.toThrow(/as user admin failed: HTTP 40\d \(invalid_grant/);
    await expect(attempt).rejects.not.toThrow(new RegExp(wrong));
  });
});
