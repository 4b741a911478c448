// The theme's TOTP pages in a real Keycloak: enrolment (QR code, key, wrong code with the clock
// hint, device name), sign-in with one app, and choosing between several apps.
import type { BrowserContext } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, type TestClient } from "../support/oidc.js";
import { fieldError, readTotpSecret, signInWithPassword, submitTotp, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { createUserWithTotp, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";
import { createUser } from "../support/users.js";

const realm = useFreshRealm("theme-totp");
const browser = useBrowser();
let client: TestClient;

beforeAll(async () => {
  await useOurTheme(realm);
  client = await createTestClient(realm);
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
const newPage = async () => {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  return { page, console: watchConsole(page) };
};

describe("TOTP pages of the kc-assurance theme", () => {
  it("enrols an authenticator app: key, wrong code with the clock hint, then a named device", async () => {
    const user = await createUser(realm, "enrol");
    await realm.admin.users.update({ id: user.id }, { requiredActions: ["CONFIGURE_TOTP"] });
    const { page, console } = await newPage();

    const tokens = await signIn(page, client, async (p) => {
      await waitForPage(p, "login.ftl");
      await screenshot(p, "login");
      await signInWithPassword(p, user.username, user.password);
      const secret = await readTotpSecret(p);
      expect(await p.getAttribute("#kc-totp-qr-code", "src")).toMatch(/^data:image\/png;base64,/);
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("totp");
      await screenshot(p, "totp-enrol");

      await submitTotpEnrolment(p, "000000", "Work phone");
      await waitForPage(p, "login-config-totp.ftl");
      expect(await fieldError(p)).toMatch(/Invalid authenticator code/);
      expect(await p.locator('[data-testid="clock-hint"]').textContent()).toMatch(/clock/);
      expect(await p.getAttribute("#totp", "aria-invalid")).toBe("true");
      await screenshot(p, "totp-enrol-wrong-code");
      // The page keeps the same secret across the retry.
      expect(await readTotpSecret(p)).toBe(secret);
      await submitTotpEnrolment(p, totpCode(secret), "Work phone");
    });
    expect(tokens.claims()?.sub).toBe(user.id);
    const credentials = await realm.admin.users.getCredentials({ id: user.id });
    expect(credentials.find((c) => c.type === "otp")?.userLabel).toBe("Work phone");
    expect(console.errors).toEqual([]);
  });

  it("signs in with the code of the one authenticator app", async () => {
    const user = await createUserWithTotp(realm, "onecode");
    const { page, console } = await newPage();
    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "login-otp.ftl");
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("otp");
      expect(await p.getAttribute("#otp", "autocomplete")).toBe("one-time-code");
      expect(await p.getAttribute("#otp", "inputmode")).toBe("numeric");
      expect(await p.locator('[data-testid="step-up-notice"]').count()).toBe(0);
      await screenshot(p, "totp-sign-in");
      await submitTotp(p, totpCode(user.totpSecrets[0]!));
    });
    expect(console.errors).toEqual([]);
  });

  it("lets a user with two apps choose which one to use, on a phone in dark mode", async () => {
    const user = await createUserWithTotp(realm, "twoapps", ["Old phone", "New phone"]);
    const { page, console } = await newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: "dark" });
    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "login-otp.ftl");
      expect(await p.getByRole("radio").count()).toBe(2);
      // The page fits the phone's width: nothing scrolls sideways.
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(p, "totp-sign-in-two-apps-phone-dark");
      // The code of the second app, with the first app selected, is refused.
      await submitTotp(p, totpCode(user.totpSecrets[1]!), "Old phone");
      await waitForPage(p, "login-otp.ftl");
      expect(await fieldError(p)).toMatch(/Invalid authenticator code/);
      await submitTotp(p, totpCode(user.totpSecrets[1]!), "New phone");
    });
    expect(console.errors).toEqual([]);
  });
});
