// Every page type a user of the example policy meets, on a realm provisioned by our apply with
// English and German, checked with axe-core (no serious or critical violation) and saved as a
// screenshot in each language, colour scheme and size: test-results/screenshots/a11y/<page>-<lang>-
// <scheme>-<size>.png. Tier 0's first sign-in (three set-up pages), its next sign-in (code, key),
// Tier 1's "try another way" to a recovery code, sign-out, an error; and German reached as users
// reach it (the language menu, ui_locales, the browser's Accept-Language).
import type { BrowserContext, Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { REDIRECT_URI, signIn, type TestClient } from "../support/oidc.js";
import {
  accessibilityViolations,
  confirmRecoveryCodes,
  currentPageId,
  pageLanguage,
  pageVariants,
  pageVariantsInBothLanguages,
  readRecoveryCodes,
  readTotpSecret,
  registerWebAuthn,
  submitTotpEnrolment,
  switchLanguage,
  totpCode,
  VARIANT_SCHEMES,
  waitForPage,
  type VariantLang,
} from "../support/pages.js";
import { policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import type { TestUser } from "../support/users.js";
import { addVirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("theme-a11y");
const browser = useBrowser();

type Lang = VariantLang;

const SCHEMES = VARIANT_SCHEMES;

beforeAll(async () => {
  // Our apply gives the theme the policy's facts (realm attribute kcaThemePolicy) and turns on the
  // policy's languages (en, de): German below is reached through what apply set, nothing else.
  await provision(realm);
  const current = await realm.admin.realms.findOne({ realm: realm.name });
  expect(JSON.parse(current?.attributes?.kcaThemePolicy ?? "{}")).toMatchObject({ v: 1 });
  expect(current).toMatchObject({ internationalizationEnabled: true, defaultLocale: "en" });
});

const violations: string[] = [];
const seen = new Set<string>();
const pageLang = pageLanguage;

/** axe and a screenshot in each scheme and size, as the page is now. */
async function checkVariants(page: Page, name: string, lang: Lang): Promise<void> {
  violations.push(...(await pageVariants(page, name, lang)));
}

/** The page in English and German, every variant; back in English at the end. */
async function check(page: Page, name = ""): Promise<void> {
  const id = (await currentPageId(page))!;
  seen.add(id);
  violations.push(...(await pageVariantsInBothLanguages(page, name || id.replace(/\.ftl$/, ""))));
}

/** Username page, then password page, both checked. */
async function firstFactor(page: Page, user: TestUser): Promise<void> {
  await waitForPage(page, "login-username.ftl");
  await check(page);
  await page.fill("#username", user.username);
  await page.click("#kc-login");
  await waitForPage(page, "login-password.ftl");
  await check(page);
  // For password managers: the account's name in the form (not posted); and the password can be shown.
  expect(await page.getAttribute("#kca-username-for-password-managers", "autocomplete")).toBe("username");
  expect(await page.inputValue("#kca-username-for-password-managers")).toBe(user.username);
  await page.fill("#password", user.password);
  await page.click("#password-show");
  expect(await page.getAttribute("#password", "type")).toBe("text");
  await page.click("#password-show");
  expect(await page.getAttribute("#password", "type")).toBe("password");
  await page.click("#kc-login");
}

/** Contrast ratio of two CSS rgb() colours (WCAG 2.x relative luminance). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("every page type, in English and German, light and dark, phone and desktop", () => {
  it("has an axe that finds what it should", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<html lang="en"><body><main><h1>x</h1><button></button></main></body></html>');
    expect((await accessibilityViolations(page)).join("\n")).toMatch(/^button-name \(critical\)/);
    await context.close();
  });

  // Tier 0's browser, shared by the next three tests (they run in order).
  let user: TestUser;
  let client: TestClient;
  let context: BrowserContext;
  let page: Page;
  let secret = "";

  it("Tier 0, first sign-in: username, password, then three set-up pages", async () => {
    user = await tierUser(realm, "ada", "tier-0-platform-admins");
    client = await policyClient(realm, "self-service");
    context = await browser.newContext();
    page = await context.newPage();
    await addVirtualAuthenticator(page, { transport: "usb", hasResidentKey: false });

    await signIn(page, client, async (p) => {
      // The focus ring, reached by keyboard, stands out from the card: 3:1 at least (WCAG 1.4.11).
      await waitForPage(p, "login-username.ftl");
      for (const scheme of SCHEMES) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.locator("#kca-title").focus();
        await p.keyboard.press("Tab");
        const ring = await p.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const card = document.querySelector(".kca-card")!;
          return { id: el.id, outline: getComputedStyle(el).outlineColor, width: getComputedStyle(el).outlineWidth, card: getComputedStyle(card).backgroundColor };
        });
        expect(ring.width).not.toBe("0px");
        expect(contrast(ring.outline, ring.card)).toBeGreaterThanOrEqual(3);
      }
      await p.emulateMedia({ colorScheme: "light" });
      await firstFactor(p, user);
      for (let step = 0; step < 3; step++) {
        await p.waitForFunction(() => (window as { kcContext?: unknown }).kcContext !== undefined);
        const id = await currentPageId(p);
        await waitForPage(p, id!);
        await check(p);
        // Step N of 3: our provider counts the sign-in's required actions (SetupProgressFormsProvider).
        expect(await p.getAttribute('[data-testid="setup-progress"]', "data-step")).toBe(String(step + 1));
        expect(await p.getAttribute('[data-testid="setup-progress"]', "data-of")).toBe("3");
        const next = p.waitForEvent("framenavigated", (f) => f === p.mainFrame());
        if (id === "login-config-totp.ftl") {
          // Tier 0 is asked its code at every sign-in: our provider names the user's tier (kcaTiers).
          expect(await p.getAttribute('[data-testid="when-asked"]', "data-asked")).toBe("every-sign-in");
          secret = await readTotpSecret(p);
          await submitTotpEnrolment(p, totpCode(secret), "Phone");
        } else if (id === "webauthn-register.ftl") {
          await registerWebAuthn(p, "Key");
        } else if (id === "login-recovery-authn-code-config.ftl") {
          expect(await p.getAttribute('[data-testid="recovery-scope"]', "data-facts")).toBe("policy");
          // The example policy: codes stand in at level 2, not where level 3 asks for the key itself.
          expect(await p.locator('[data-testid="recovery-scope"] p').first().textContent()).toBe(
            "Each code lets you sign in once in place of your authenticator app or your security key.",
          );
          expect(await p.locator('[data-testid="recovery-scope-limit"]').textContent()).toContain("your security key");
          // Codes and their numbers in one face and size, no smaller than the text.
          const sizes = await p.$eval("#kc-recovery-codes-list li", (li) => ({
            li: getComputedStyle(li).fontSize,
            code: getComputedStyle(li.querySelector("code")!).fontSize,
            marker: getComputedStyle(li, "::marker").fontSize,
          }));
          expect(sizes).toEqual({ li: "16px", code: "16px", marker: "16px" });
          await readRecoveryCodes(p);
          await confirmRecoveryCodes(p);
        } else {
          throw new Error(`unexpected page ${id}`);
        }
        await next;
      }
    });

  }, 300_000);

  it("Tier 0, next sign-in: the code, then the key", async () => {
    await context.clearCookies();
    await signIn(page, client, async (p) => {
      await firstFactor(p, user);
      await waitForPage(p, "login-otp.ftl");
      await check(p);
      await p.fill("#otp", totpCode(secret, 1));
      await p.click("#kc-login");
      await waitForPage(p, "webauthn-authenticate.ftl");
      await check(p);
      await p.click("#authenticateWebAuthnButton");
    });

  }, 240_000);

  it("sign-out, its information page, and an error", async () => {
    // Sign-out asked for by an application without an ID token; German through the page's own
    // language menu (the user's language, set on the sign-in pages, outranks ui_locales).
    await page.goto(`${realm.issuer}/protocol/openid-connect/logout`);
    await waitForPage(page, "logout-confirm.ftl");
    seen.add("logout-confirm.ftl");
    violations.push(...(await pageVariantsInBothLanguages(page, "logout-confirm")));
    await switchLanguage(page, "de");
    await page.click("#kc-logout");
    await waitForPage(page, "info.ftl");
    seen.add("info.ftl");
    await checkVariants(page, "info", "de");
    // Signed out already: Keycloak asks nothing and says so.
    await page.goto(`${realm.issuer}/protocol/openid-connect/logout?ui_locales=en`);
    if ((await currentPageId(page)) === "logout-confirm.ftl") await page.click("#kc-logout");
    await waitForPage(page, "info.ftl");
    await checkVariants(page, "info", "en");

    // A stranger's error (no language cookie from the sign-in above; an unknown client's request
    // is not read, so its ui_locales neither): the browser's language.
    for (const lang of ["en", "de"] as const) {
      await context.clearCookies();
      await context.setExtraHTTPHeaders({ "Accept-Language": lang });
      await page.goto(`${realm.issuer}/protocol/openid-connect/auth?client_id=no-such-app&response_type=code&scope=openid&ui_locales=${lang}`);
      await waitForPage(page, "error.ftl");
      seen.add("error.ftl");
      await checkVariants(page, "error", lang);
    }
    await context.close();
  }, 180_000);

  it("Tier 1: try another way, then a recovery code, in English and then in German", async () => {
    const user = await tierUser(realm, "bea", "tier-1-operators");
    const client = await policyClient(realm, "self-service");
    const context = await browser.newContext();
    const page = await context.newPage();
    let codes: string[] = [];
    const renewal: string[] = [];
    const password = async (p: Page) => {
      await waitForPage(p, "login-password.ftl");
      await p.fill("#password", user.password);
      await p.click("#kc-login");
    };
    await signIn(page, client, async (p) => {
      await waitForPage(p, "login-username.ftl");
      await p.fill("#username", user.username);
      await p.click("#kc-login");
      await password(p);
      await submitTotpEnrolment(p, totpCode(await readTotpSecret(p)), "Phone");
      codes = await readRecoveryCodes(p);
      await confirmRecoveryCodes(p);
    });
    // Keycloak shows "try another way" and the recovery-code page for the step they belong to, so
    // a language link (which reloads that step) cannot keep them: one sign-in per language, the
    // language chosen on the first page.
    for (const [i, lang] of (["en", "de"] as const).entries()) {
      await context.clearCookies();
      await signIn(page, client, async (p) => {
        await waitForPage(p, "login-username.ftl");
        if (lang !== "en") await switchLanguage(p, lang);
        await p.fill("#username", user.username);
        await p.click("#kc-login");
        await password(p);
        await waitForPage(p, "login-otp.ftl");
        // A wrong code, in this language's words (Keycloak's German says "Ungültiger One-time Code.").
        await p.fill("#otp", "000000");
        await p.click("#kc-login");
        await waitForPage(p, "login-otp.ftl");
        expect(await p.locator('[data-testid="field-error"]').textContent()).toBe(
          lang === "de" ? "Ungültiger Code aus der Authenticator-App." : "Invalid authenticator code.",
        );
        await p.click("#try-another-way");
        await waitForPage(p, "select-authenticator.ftl");
        seen.add("select-authenticator.ftl");
        expect(await pageLang(p)).toBe(lang);
        await checkVariants(p, "select-authenticator", lang);
        await p.click('[data-testid="auth-method"][data-method="recovery-authn-codes-display-name"]');
        await waitForPage(p, "login-recovery-authn-code-input.ftl");
        seen.add("login-recovery-authn-code-input.ftl");
        await checkVariants(p, "login-recovery-authn-code-input", lang);
        // The format error, as a user who typed too little sees it.
        await p.fill("#recoveryCodeInput", "abcd");
        await p.click("#kc-login");
        await p.waitForSelector('[data-testid="field-error"]');
        await checkVariants(p, "login-recovery-authn-code-input-format", lang);
        // Code 1: after a sign-in with a code, the user sets up a new app and a new set of codes.
        await p.fill("#recoveryCodeInput", codes[0]!.toLowerCase());
        await p.click("#kc-login");
        const secret = await readTotpSecret(p);
        renewal.push(`${lang}: ${await p.locator('[data-testid="recovery-renewal"]').textContent()}`);
        await submitTotpEnrolment(p, totpCode(secret), `Phone ${i + 2}`);
        codes = await readRecoveryCodes(p);
        await confirmRecoveryCodes(p);
      });
    }
    expect(renewal).toEqual([expect.stringMatching(/^en: You signed in with a recovery code/), expect.stringMatching(/^de: Sie haben sich mit einem Wiederherstellungscode angemeldet/)]);
    await context.close();
  }, 300_000);

  it("reaches German by ui_locales and by the browser's language", async () => {
    const client = await policyClient(realm, "self-service");
    // A German browser: its Accept-Language.
    const context = await browser.newContext();
    await context.setExtraHTTPHeaders({ "Accept-Language": "de-DE,de;q=0.9" });
    const page = await context.newPage();
    await signIn(page, client, async (p) => {
      await waitForPage(p, "login-username.ftl");
      expect(await pageLang(p)).toBe("de");
      expect(await p.locator("#kca-title").textContent()).toBe("Anmelden");
      throw new Error("seen");
    }).catch((e: Error) => expect(e.message).toBe("seen"));
    await context.close();
    // An English browser, and an application asking for German.
    const english = await browser.newContext();
    await english.setExtraHTTPHeaders({ "Accept-Language": "en-GB,en;q=0.9" });
    const other = await english.newPage();
    const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    await other.goto(
      `${realm.issuer}/protocol/openid-connect/auth?client_id=${client.clientId}&response_type=code&scope=openid` +
        `&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&code_challenge=${challenge}&code_challenge_method=S256&ui_locales=de`,
    );
    await waitForPage(other, "login-username.ftl");
    expect(await pageLang(other)).toBe("de");
    await english.close();
  });

  it("finds no serious or critical axe violation on any of them", () => {
    // Reported together, so one run lists every page that needs work.
    expect(violations).toEqual([]);
    expect([...seen].sort()).toEqual(
      [
        "error.ftl",
        "info.ftl",
        "login-config-totp.ftl",
        "login-otp.ftl",
        "login-password.ftl",
        "login-recovery-authn-code-config.ftl",
        "login-recovery-authn-code-input.ftl",
        "login-username.ftl",
        "logout-confirm.ftl",
        "select-authenticator.ftl",
        "webauthn-authenticate.ftl",
        "webauthn-register.ftl",
      ].sort(),
    );
  });
});
