// The theme's recovery-code pages and "try another way" in a real Keycloak: codes shown once and
// confirmed, then a sign-in that switches from the authenticator app to the code Keycloak asks for.
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn } from "../support/oidc.js";
import { accessibilityViolations, confirmRecoveryCodes, fieldError, METHODS, readRecoveryCodes, recoveryCodeNumber, signInWithPassword, submitRecoveryCode, submitTotp, totpCode, waitForPage } from "../support/pages.js";
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
      // Opens at its heading, above the codes; no "activate your account" banner; what the codes
      // can do is said without a promise (this realm gives the theme no policy facts).
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("kca-title");
      expect(await p.locator("body").textContent()).not.toMatch(/activate your account|lose your phone or key/);
      expect(await p.getAttribute('[data-testid="recovery-scope"]', "data-facts")).toBe("none");
      // The sheet that is printed names the account (remembered from the password page) and the realm.
      expect(await p.locator('[data-testid="recovery-account"]').textContent()).toContain(`Account: ${user.username}`);
      expect(await p.locator("#kca-sheet-title").textContent()).toBe(`Recovery codes for ${realm.name}`);
      await p.emulateMedia({ media: "print" });
      expect(await p.isVisible('[data-testid="recovery-account"]')).toBe(true);
      expect(await p.isVisible("#saveRecoveryAuthnCodesBtn")).toBe(false);
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "recovery-codes-print");
      await p.emulateMedia({ media: "screen" });
      expect(await accessibilityViolations(p)).toEqual([]);
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
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "totp-sign-in-with-another-way");
      await p.click("#try-another-way");
      await waitForPage(p, "select-authenticator.ftl");
      expect(await p.locator('[data-testid="auth-method"]').count()).toBe(2);
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "try-another-way");
      await p.click(`[data-testid="auth-method"][data-method="${METHODS.recovery}"]`);
      expect(await recoveryCodeNumber(p)).toBe(1);
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "recovery-code-sign-in");
      await submitRecoveryCode(p, codes[1]!);
      await waitForPage(p, "login-recovery-authn-code-input.ftl");
      expect(await fieldError(p)).toMatch(/Invalid recovery/);
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "recovery-code-sign-in-wrong");
      // What cannot be a code (too short; a 0, which codes never contain) is refused in the page:
      // nothing is posted, so it does not count toward the lockout.
      const posts: string[] = [];
      p.on("request", (r) => {
        if (r.method() === "POST") posts.push(r.url());
      });
      await p.fill("#recoveryCodeInput", codes[0]!.slice(0, 11));
      await p.click("#kc-login");
      expect(await fieldError(p)).toMatch(/has 12 letters and digits/);
      await p.fill("#recoveryCodeInput", `${codes[0]!.slice(0, 11)}0`);
      await p.click("#kc-login");
      expect(await fieldError(p)).toMatch(/no 0/);
      expect(posts).toEqual([]);
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "recovery-code-sign-in-format");
      // The right code typed as people do: lower case, in groups with spaces.
      await submitRecoveryCode(p, codes[0]!.toLowerCase().replace(/(.{4})(?=.)/g, "$1 "));
    });
    expect(console.errors).toEqual([]);
    await context.close();
  });
});
