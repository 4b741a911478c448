// The theme's WebAuthn pages in a real Keycloak with Chromium's virtual authenticator: registering
// a named key, signing in with it, and the error page with retry.
import type { BrowserContext } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, type TestClient } from "../support/oidc.js";
import { accessibilityViolations, pageLanguage, pageVariants, registerWebAuthn, retryWebAuthn, signInWithPassword, useWebAuthn, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { bindSecondFactors, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";
import { createUser } from "../support/users.js";
import { addVirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("theme-webauthn");
const browser = useBrowser();
let client: TestClient;

beforeAll(async () => {
  await useOurTheme(realm);
  // English and German, so each page is checked and pictured in both.
  await realm.admin.realms.update({ realm: realm.name }, { internationalizationEnabled: true, supportedLocales: ["en", "de"], defaultLocale: "en" });
  await bindSecondFactors(realm, ["otp", "webauthn"]);
  // User verification required, so that a failed verification can bring the error page.
  await realm.admin.realms.update({ realm: realm.name }, { webAuthnPolicyUserVerificationRequirement: "required" } as Record<string, unknown>);
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

/** The user's language (Keycloak's `locale` attribute), the rest of the account as it is. */
async function setUserLanguage(r: typeof realm, id: string, lang: string): Promise<void> {
  const current = await r.admin.users.findOne({ id });
  await r.admin.users.update({ id }, { ...current, attributes: { ...current?.attributes, locale: [lang] } });
}

describe("WebAuthn pages of the kc-assurance theme", () => {
  it("registers a named security key, signs in with it, and recovers from a failed attempt", async () => {
    const user = await createUser(realm, "keyuser");
    await realm.admin.users.update({ id: user.id }, { requiredActions: ["webauthn-register"] });
    const { page, console } = await newPage();
    const authenticator = await addVirtualAuthenticator(page, { transport: "usb", hasResidentKey: false });

    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "webauthn-register.ftl");
      // A set-up page opens at its heading: its instructions come before the field.
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("kca-title");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "webauthn-register");
      await registerWebAuthn(p, "Blue USB key");
    });
    expect(await authenticator.credentials()).toHaveLength(1);
    const stored = (await realm.admin.users.getCredentials({ id: user.id })).find((c) => c.type === "webauthn");
    expect(stored?.userLabel).toBe("Blue USB key");

    // Next sign-in (the SSO session dropped; the authenticator stays with the page): the key is
    // asked for, and the first attempt fails user verification.
    await page.context().clearCookies();
    await authenticator.setUserVerified(false);
    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await waitForPage(p, "webauthn-authenticate.ftl");
      expect(await p.locator("#kc-webauthn-authenticators").textContent()).toContain("Blue USB key");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "webauthn-authenticate");
      await useWebAuthn(p);
      await waitForPage(p, "webauthn-error.ftl");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "webauthn-error");
      expect(await pageVariants(p, "webauthn-error", "en")).toEqual([]);
      expect(await p.isVisible("#try-another-way")).toBe(false);
      await authenticator.setUserVerified(true);
      await retryWebAuthn(p);
      await useWebAuthn(p);
    });
    // The error page once more, in German: the user's language (a language link on the error
    // page would show the key's page instead).
    await setUserLanguage(realm, user.id, "de");
    await page.context().clearCookies();
    await authenticator.setUserVerified(false);
    await signIn(page, client, async (p) => {
      await signInWithPassword(p, user.username, user.password);
      await useWebAuthn(p);
      await waitForPage(p, "webauthn-error.ftl");
      expect(await pageLanguage(p)).toBe("de");
      expect(await pageVariants(p, "webauthn-error", "de")).toEqual([]);
      await authenticator.setUserVerified(true);
      await retryWebAuthn(p);
      await useWebAuthn(p);
    });
    expect(console.errors).toEqual([]);
  });
});
