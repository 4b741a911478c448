// Keycloak's e-mails reach the test process: a realm pointed at test/support/smtp.ts sends the
// admin console's test e-mail and an actions e-mail there, decoded (an umlaut in the sender's name
// survives Keycloak's encoding).
import { connectAdmin } from "../../provisioning/admin/connect.js";
import { useFreshRealm } from "../support/realm.js";
import { pointRealmAtSmtp, startSmtp, type SmtpServer } from "../support/smtp.js";
import { createUser, type TestUser } from "../support/users.js";

describe("e-mail from Keycloak to the test SMTP server", () => {
  const realm = useFreshRealm("smtp");
  let smtp: SmtpServer;
  let realmAdmin: TestUser;
  const fromDisplayName = "Prüfstelle Müller";

  beforeAll(async () => {
    smtp = await startSmtp();
    // The test e-mail goes to the signed-in admin's own address. A realm-local admin has one without
    // touching the master admin every test file shares.
    realmAdmin = await createUser(realm, "mail-admin");
    const management = (await realm.admin.clients.find({ clientId: "realm-management" }))[0]!;
    const manageRealm = await realm.admin.clients.findRole({ id: management.id!, roleName: "manage-realm" });
    await realm.admin.users.addClientRoleMappings({
      id: realmAdmin.id,
      clientUniqueId: management.id!,
      roles: [{ id: manageRealm!.id!, name: manageRealm!.name! }],
    });
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("delivers the admin console's SMTP test e-mail, sender name with umlauts intact", async () => {
    const settings = await pointRealmAtSmtp(realm, smtp, { fromDisplayName });
    const asRealmAdmin = await connectAdmin(realm.server.baseUrl, { kind: "password", realm: realm.name, ...realmAdmin });
    // What the admin console's "Test connection" button posts: the settings being edited.
    const res = await fetch(`${realm.server.baseUrl}/admin/realms/${realm.name}/testSMTPConnection`, {
      method: "POST",
      headers: { authorization: `Bearer ${await asRealmAdmin.getAccessToken()}`, "content-type": "application/json" },
      body: JSON.stringify(settings),
    });
    expect(res.status).toBe(204);

    const mail = await smtp.waitFor((m) => m.to.includes("mail-admin@example.test"), 30_000);
    expect(mail.subject).toBe("[KEYCLOAK] - SMTP test message");
    expect(mail.from).toBe(`${fromDisplayName} <keycloak@example.test>`);
    expect(mail.mailFrom).toBe("keycloak@example.test");
    expect(mail.text).toContain("This is a test message");
  });

  it("sends a user's actions e-mail with the realm's stored settings, as text and HTML", async () => {
    await pointRealmAtSmtp(realm, smtp, { fromDisplayName });
    // A non-ASCII body: Keycloak then encodes the text part too, not only the HTML one.
    await realm.admin.realms.update({ realm: realm.name }, { displayName: "Bürgerportal" });
    const user = await createUser(realm, "mail-user");
    await realm.admin.users.executeActionsEmail({ id: user.id, actions: ["UPDATE_PASSWORD"] });

    const mail = await smtp.waitFor((m) => m.to.includes("mail-user@example.test"), 30_000);
    expect(mail.subject).toBe("Update Your Account");
    expect(mail.from).toBe(`${fromDisplayName} <keycloak@example.test>`);
    const link = `${realm.server.baseUrl}/realms/${realm.name}/login-actions/action-token?key=`;
    expect(mail.text).toContain("update your Bürgerportal account");
    expect(mail.html).toContain("update your Bürgerportal account");
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(link.replace(/&/g, "&amp;"));
  });
});
