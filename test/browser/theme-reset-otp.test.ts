// The theme's TOTP reset page (login-reset-otp.ftl) in a real Keycloak: a user with two
// authenticator apps asks for a reset from the sign-in page, picks the app to remove, and exactly
// that one goes before a new one is set up.
// Keycloak shows the page from the `reset-otp` step of the reset-credentials flow, in its subflow
// for users who have OTP, when the step's "action on OTP reset" is "Remove one" ("Remove all" and
// "Remove none" show no page). The flow's e-mail step, which proves who asks, is disabled here for
// want of a mail server; so is the new-password step, which has a page of its own.
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn } from "../support/oidc.js";
import { accessibilityViolations, pageVariantsInBothLanguages, readTotpSecret, requestCredentialReset, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { createUserWithTotp, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";

const realm = useFreshRealm("theme-reset-otp");
const browser = useBrowser();

async function bindResetOtpFlow(): Promise<void> {
  const admin = realm.admin.authenticationManagement;
  const flow = "theme-reset-otp";
  await admin.copyFlow({ flow: "reset credentials", newName: flow });
  for (const execution of await admin.getExecutions({ flow })) {
    if (execution.providerId === "reset-credential-email" || execution.providerId === "reset-password") {
      // The execution as read, priority included: a missing priority would move it to the top.
      await admin.updateExecution({ flow }, { ...execution, requirement: "DISABLED" });
    } else if (execution.providerId === "reset-otp") {
      await admin.createConfig({ id: execution.id!, alias: `${flow}-remove-one`, config: { action_on_otp_reset_flag: "Remove one" } });
    }
  }
  await realm.admin.realms.update({ realm: realm.name }, { resetPasswordAllowed: true, resetCredentialsFlow: flow });
}

async function otpCredentials(userId: string): Promise<{ id?: string; userLabel?: string }[]> {
  return (await realm.admin.users.getCredentials({ id: userId })).filter((c) => c.type === "otp");
}

describe("TOTP reset page of the kc-assurance theme", () => {
  beforeAll(async () => {
    await useOurTheme(realm);
  // English and German, so each page is checked and pictured in both.
  await realm.admin.realms.update({ realm: realm.name }, { internationalizationEnabled: true, supportedLocales: ["en", "de"], defaultLocale: "en" });
    await bindResetOtpFlow();
  });

  it("removes the app the user picks, then sets up a new one", async () => {
    const user = await createUserWithTotp(realm, "rory", ["Phone", "Tablet"]);
    const before = await otpCredentials(user.id);
    const client = await createTestClient(realm);
    const page = await (await browser.newContext()).newPage();
    const console = watchConsole(page);

    await signIn(page, client, async (p) => {
      await requestCredentialReset(p, user.username);
      await waitForPage(p, "login-reset-otp.ftl");
      expect(await p.locator('input[name="selectedCredentialId"] + label').allTextContents()).toEqual(["Phone", "Tablet"]);
      // Each choice posts the id of the credential it names.
      expect(await p.locator('input[name="selectedCredentialId"]').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value))).toEqual(
        before.map((c) => c.id),
      );
      // The first app is chosen and focused, so keyboard users can go straight on.
      expect(await p.isChecked("#kc-otp-credential-0")).toBe(true);
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("kc-otp-credential-0");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "totp-reset");
      expect(await pageVariantsInBothLanguages(p, "login-reset-otp")).toEqual([]);
      await p.click('label[for="kc-otp-credential-1"]');
      await p.click("#kc-otp-reset-form-submit");
      const secret = await readTotpSecret(p);
      await submitTotpEnrolment(p, totpCode(secret), "New phone");
    });

    // The tablet's credential is gone, the phone's is the very same one, and the new app is added.
    const after = await otpCredentials(user.id);
    const phone = before.find((c) => c.userLabel === "Phone")!;
    expect(after.map((c) => c.id)).toContain(phone.id);
    expect(after.map((c) => c.id)).not.toContain(before.find((c) => c.userLabel === "Tablet")!.id);
    expect(after.map((c) => c.userLabel).sort()).toEqual(["New phone", "Phone"]);
    expect(console.errors).toEqual([]);
  });
});
