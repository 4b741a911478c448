// The theme's TOTP pages in a real Keycloak: enrolment (QR code, key, the policy line of the manual
// key as Keycloak really fills it, wrong code with the clock hint, device name), sign-in with one
// app, and choosing between several apps.
import type { BrowserContext } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, type TestClient } from "../support/oidc.js";
import { accessibilityViolations, pageVariantsInBothLanguages, fieldError, readTotpSecret, signInWithPassword, submitTotp, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { createUserWithTotp, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";
import { createUser } from "../support/users.js";

const realm = useFreshRealm("theme-totp");
const browser = useBrowser();
let client: TestClient;

beforeAll(async () => {
  await useOurTheme(realm);
  // English and German, so each page is checked and pictured in both.
  await realm.admin.realms.update({ realm: realm.name }, { internationalizationEnabled: true, supportedLocales: ["en", "de"], defaultLocale: "en" });
  client = await createTestClient(realm);
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
/** The realm attribute kc-assurance apply writes for the theme; undefined removes it. */
const setThemePolicy = async (facts: object | undefined) => {
  await realm.admin.realms.update({ realm: realm.name }, { attributes: { kcaThemePolicy: facts ? JSON.stringify(facts) : "" } });
};
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
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "login");
      expect(await pageVariantsInBothLanguages(p, "login")).toEqual([]);
      await signInWithPassword(p, user.username, user.password);
      const secret = await readTotpSecret(p);
      expect(await p.getAttribute("#kc-totp-qr-code", "src")).toMatch(/^data:image\/png;base64,/);
      // The page opens at its heading (its instructions come first), not scrolled to the field.
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("kca-title");
      // Keycloak's own banner is gone; the page says when the code will be asked, truthfully:
      // this realm gives the theme no policy facts.
      expect(await p.locator("body").textContent()).not.toMatch(/activate your account|After your password/);
      expect(await p.getAttribute('[data-testid="when-asked"]', "data-asked")).toBe("unknown");
      // A real enrolment page (QR mode): Keycloakify's getAlgorithmKey() answers "error" here.
      await p.click("#kc-totp-manual summary");
      expect(await p.locator('[data-testid="totp-policy"]').textContent()).toBe("Type: TOTP, algorithm: SHA1, digits: 6, interval: 30 seconds");
      expect(await p.getAttribute('[data-testid="totp-app-link"]', "href")).toBe(
        `otpauth://totp/${realm.name}%3A${user.username}?secret=${secret}&digits=6&algorithm=SHA1&issuer=${realm.name}&period=30`,
      );
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "totp-enrol");

      await submitTotpEnrolment(p, "000000", "Work phone");
      await waitForPage(p, "login-config-totp.ftl");
      expect(await fieldError(p)).toMatch(/Invalid authenticator code/);
      expect(await p.locator('[data-testid="clock-hint"]').textContent()).toMatch(/clock/);
      expect(await p.getAttribute("#totp", "aria-invalid")).toBe("true");
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("totp");
      // The manual key the user opened stays open after the wrong code.
      expect(await p.getAttribute("#kc-totp-manual", "open")).not.toBeNull();
      expect(await p.locator('[data-testid="totp-policy"]').textContent()).toContain("algorithm: SHA1");
      expect(await accessibilityViolations(p)).toEqual([]);
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

  it("opens the set-up on a phone at the top, and says what the realm's policy facts say", async () => {
    const user = await createUser(realm, "phone");
    await realm.admin.users.update({ id: user.id }, { requiredActions: ["CONFIGURE_TOTP"] });
    // What kc-assurance apply gives the theme (theme/src/login/policyFacts.ts).
    await setThemePolicy({ v: 1, asked: { totp: "step-up" } });
    const { page, console } = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await signIn(page, client, async (p) => {
        await signInWithPassword(p, user.username, user.password);
        await waitForPage(p, "login-config-totp.ftl");
        expect(await p.evaluate(() => window.scrollY)).toBe(0);
        expect(await p.locator('[data-testid="when-asked"]').textContent()).toMatch(/only when an application needs a stronger sign-in/);
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        // The key's groups of four never break inside.
        await p.click("#kc-totp-manual summary");
        const groupsWhole = await p.$$eval(".kca-secret-group", (els) => els.every((e) => e.getClientRects().length === 1));
        expect(groupsWhole).toBe(true);
        await submitTotpEnrolment(p, totpCode(await readTotpSecret(p)), "Phone");
      });
    } finally {
      await setThemePolicy(undefined);
    }
    expect(console.errors).toEqual([]);
  });

  it("lets the person at a set-up page say it is not them and start over", async () => {
    const user = await createUser(realm, "notme");
    await realm.admin.users.update({ id: user.id }, { requiredActions: ["CONFIGURE_TOTP"] });
    const { page, console } = await newPage();
    const outcome = await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "login-config-totp.ftl");
      expect(await p.locator('[data-testid="attempted-username"]').textContent()).toBe(`Signing in as ${user.username}`);
      await p.click("#reset-login");
      // A fresh sign-in page, nobody signed in; the set-up stays pending for the account.
      await waitForPage(p, "login.ftl");
      expect(await p.inputValue("#username")).toBe("");
      throw new Error("back at the start");
    }).then(() => "token", (e: Error) => e.message);
    expect(outcome).toBe("back at the start");
    expect((await realm.admin.users.findOne({ id: user.id }))?.requiredActions).toContain("CONFIGURE_TOTP");
    expect(await realm.admin.users.listSessions({ id: user.id })).toHaveLength(0);
    expect(console.errors).toEqual([]);
  });

  it("takes the policy facts as data: a value that would end the page's script stays a string", async () => {
    const user = await createUser(realm, "tricky");
    await realm.admin.users.update({ id: user.id }, { requiredActions: ["CONFIGURE_TOTP"] });
    await realm.admin.realms.update({ realm: realm.name }, { attributes: { kcaThemePolicy: '"</script><script>window.pwned=1</script>' } });
    const { page, console } = await newPage();
    try {
      await signIn(page, client, async (p) => {
        await signInWithPassword(p, user.username, user.password);
        await waitForPage(p, "login-config-totp.ftl");
        expect(await p.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
        expect(await p.getAttribute('[data-testid="when-asked"]', "data-asked")).toBe("unknown");
        await submitTotpEnrolment(p, totpCode(await readTotpSecret(p)), "Phone");
      });
    } finally {
      await setThemePolicy(undefined);
    }
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
      expect(await accessibilityViolations(p)).toEqual([]);
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
      expect(await accessibilityViolations(p)).toEqual([]);
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
