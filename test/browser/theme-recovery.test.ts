// The theme's recovery-code pages and "try another way" in a real Keycloak: codes shown once and
// confirmed, then a sign-in that switches from the authenticator app to the code Keycloak asks for.
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn } from "../support/oidc.js";
import {
  confirmRecoveryCodes,
  fieldError,
  readRecoveryCodes,
  recoveryCodeNumber,
  signInWithPassword,
  submitRecoveryCode,
  submitTotp,
  totpCode,
  METHODS,
  waitForPage,
} from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { bindSecondFactors, createUserWithTotp, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";

const realm = useFreshRealm("theme-recovery");
const browser = useBrowser();

beforeAll(async () => {
  await useOurTheme(realm);
  await bindSecondFactors(realm, ["otp", "recovery"]);
});

describe("recovery-code pages of the kc-assurance theme", () => {
  it("shows new codes once, continues after confirmation, and signs in with the code asked for", async () => {
    const client = await createTestClient(realm);
    const user = await createUserWithTotp(realm, "rescue");
    await realm.admin.users.update({ id: user.id }, { requiredActions: ["CONFIGURE_RECOVERY_AUTHN_CODES"] });
    const context = await browser.newContext();
    const page = await context.newPage();
    const console = watchConsole(page);
    let codes: string[] = [];

    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      // The user has an app, so Keycloak asks for it before the required action.
      await submitTotp(p, totpCode(user.totpSecrets[0]!));
      codes = await readRecoveryCodes(p);
      expect(codes).toHaveLength(12);
      expect(await p.isDisabled("#saveRecoveryAuthnCodesBtn")).toBe(true);
      await screenshot(p, "recovery-codes-new");
      await confirmRecoveryCodes(p);
    });
    const credential = (await realm.admin.users.getCredentials({ id: user.id })).find((c) => c.type === "recovery-authn-codes");
    expect(credential).toBeDefined();

    // A new sign-in: the SSO session dropped.
    await context.clearCookies();
    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "login-otp.ftl");
      await screenshot(p, "totp-sign-in-with-another-way");
      await p.click("#try-another-way");
      await waitForPage(p, "select-authenticator.ftl");
      expect(await p.locator('[data-testid="auth-method"]').count()).toBe(2);
      await screenshot(p, "try-another-way");
      await p.click(`[data-testid="auth-method"][data-method="${METHODS.recovery}"]`);
      expect(await recoveryCodeNumber(p)).toBe(1);
      await screenshot(p, "recovery-code-sign-in");
      await submitRecoveryCode(p, codes[1]!);
      await waitForPage(p, "login-recovery-authn-code-input.ftl");
      expect(await fieldError(p)).toMatch(/Invalid recovery/);
      await screenshot(p, "recovery-code-sign-in-wrong");
      await submitRecoveryCode(p, codes[0]!);
    });
    expect(console.errors).toEqual([]);
    await context.close();
  });
});
