// The theme's TOTP reset page (login-reset-otp.ftl) in a real Keycloak: a user with two
// authenticator apps picks the one to remove, and exactly that one goes before a new one is set up.
// Keycloak shows the page from its `reset-otp` step set to "Remove one"; that step belongs to the
// reset-credentials flow, which starts with an e-mail, so the test binds it after the password in a
// browser flow instead: the page, its form and what it posts are the same.
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn } from "../support/oidc.js";
import { readTotpSecret, signInWithPassword, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { createUserWithTotp, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";

const realm = useFreshRealm("theme-reset-otp");
const browser = useBrowser();

async function bindResetOtpFlow(): Promise<void> {
  const admin = realm.admin.authenticationManagement;
  const flow = "theme-reset-otp";
  await admin.createFlow({ alias: flow, providerId: "basic-flow", topLevel: true, builtIn: false, description: "password, then reset OTP" });
  await admin.addExecutionToFlow({ flow, provider: "auth-username-password-form" });
  await admin.addExecutionToFlow({ flow, provider: "reset-otp" });
  for (const execution of await admin.getExecutions({ flow })) {
    // The execution as read, priority included: a missing priority would move it to the top.
    await admin.updateExecution({ flow }, { ...execution, requirement: "REQUIRED" });
    if (execution.providerId === "reset-otp") {
      await admin.createConfig({ id: execution.id!, alias: `${flow}-remove-one`, config: { action_on_otp_reset_flag: "Remove one" } });
    }
  }
  await realm.admin.realms.update({ realm: realm.name }, { browserFlow: flow });
}

describe("TOTP reset page of the kc-assurance theme", () => {
  beforeAll(async () => {
    await useOurTheme(realm);
    await bindResetOtpFlow();
  });

  it("removes the app the user picks, then sets up a new one", async () => {
    const user = await createUserWithTotp(realm, "rory", ["Phone", "Tablet"]);
    const client = await createTestClient(realm);
    const page = await (await browser.newContext()).newPage();
    const console = watchConsole(page);

    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "login-reset-otp.ftl");
      expect(await p.locator('input[name="selectedCredentialId"] + label').allTextContents()).toEqual(["Phone", "Tablet"]);
      // The first app is chosen and focused, so keyboard users can go straight on.
      expect(await p.isChecked("#kc-otp-credential-0")).toBe(true);
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("kc-otp-credential-0");
      await screenshot(p, "totp-reset");
      await p.click('label[for="kc-otp-credential-1"]');
      await p.click("#kc-otp-reset-form-submit");
      const secret = await readTotpSecret(p);
      await submitTotpEnrolment(p, totpCode(secret), "New phone");
    });

    const labels = (await realm.admin.users.getCredentials({ id: user.id })).filter((c) => c.type === "otp").map((c) => c.userLabel);
    expect(labels.sort()).toEqual(["New phone", "Phone"]);
    expect(console.errors).toEqual([]);
  });
});
