// The pages of a user's way that are not sign-in steps, in our design on a real Keycloak: sign-out
// confirmation (and the information page after it), an error page, and "page expired".
import type { BrowserContext } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, type TestClient } from "../support/oidc.js";
import { accessibilityViolations, pageLanguage, pageVariants, signInWithPassword, switchLanguage, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";
import { createUser } from "../support/users.js";

const realm = useFreshRealm("theme-pages");
// Identifier-first (username page, then password page), as provisioned realms sign in.
const idFirst = useFreshRealm("theme-pages-idf");
const browser = useBrowser();
let client: TestClient;

let idFirstClient: TestClient;

beforeAll(async () => {
  await useOurTheme(realm);
  // English and German, so each page is checked and pictured in both.
  await realm.admin.realms.update({ realm: realm.name }, { internationalizationEnabled: true, supportedLocales: ["en", "de"], defaultLocale: "en" });
  client = await createTestClient(realm);
  await useOurTheme(idFirst);
  await idFirst.admin.realms.update({ realm: idFirst.name }, { internationalizationEnabled: true, supportedLocales: ["en", "de"], defaultLocale: "en" });
  const admin = idFirst.admin.authenticationManagement;
  const flow = "id-first";
  await admin.createFlow({ alias: flow, providerId: "basic-flow", topLevel: true, builtIn: false, description: "" });
  for (const provider of ["auth-username-form", "auth-password-form"]) await admin.addExecutionToFlow({ flow, provider });
  for (const execution of await admin.getExecutions({ flow })) await admin.updateExecution({ flow }, { ...execution, requirement: "REQUIRED" });
  await idFirst.admin.realms.update({ realm: idFirst.name }, { browserFlow: flow });
  idFirstClient = await createTestClient(idFirst);
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

describe("pages around the sign-in, in the kc-assurance design", () => {
  it("asks before signing out with a real button, then says the user is signed out", async () => {
    const user = await createUser(realm, "leaver");
    const { page, console } = await newPage();
    await signIn(page, client, (p) => signInWithPassword(p, user.username, user.password));
    // An application sending the user to the logout endpoint without an ID token: Keycloak asks.
    await page.goto(`${realm.issuer}/protocol/openid-connect/logout`);
    await waitForPage(page, "logout-confirm.ftl");
    const button = page.locator("#kc-logout");
    expect(await button.evaluate((b) => b.tagName)).toBe("BUTTON");
    expect(await button.getAttribute("tabindex")).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("kc-logout");
    expect(await page.locator("#kca-title").textContent()).toBe("Sign out?");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "logout-confirm");
    await button.click();
    await waitForPage(page, "info.ftl");
    expect(await page.locator("#kca-title").textContent()).toMatch(/logged out/i);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "logout-done");
    const sessions = await realm.admin.users.listSessions({ id: user.id });
    expect(sessions).toHaveLength(0);
    expect(console.errors).toEqual([]);
  });

  it("shows Keycloak's errors in our layout", async () => {
    const { page, console } = await newPage();
    await page.goto(`${realm.issuer}/protocol/openid-connect/auth?client_id=no-such-app&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fx.test%2F`);
    await waitForPage(page, "error.ftl");
    expect(await page.locator("#kca-title").textContent()).toBe("We can't continue");
    expect(await page.locator('[data-testid="page-message"]').textContent()).toMatch(/Client not found/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "error");
    // Chromium reports the page's own status (400) as a console error; nothing else may fail.
    expect(console.errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  it("offers to continue or start over when a sign-in page is sent again", async () => {
    const user = await createUser(idFirst, "twice");
    const { page, console } = await newPage();
    // In English, then in German, chosen on the first page (a language link on the expired page
    // would show the current step instead).
    for (const lang of ["en", "de"] as const) {
      await page.context().clearCookies();
      await signIn(page, idFirstClient, async (p) => {
        await waitForPage(p, "login-username.ftl");
        if (lang === "de") await switchLanguage(p, "de");
        // The username page's form, sent again from the password page (as the browser's back
        // button and a second submit do): Keycloak says the page expired.
        const staleAction = await p.evaluate(() => (window as unknown as { kcContext: { url: { loginAction: string } } }).kcContext.url.loginAction);
        await p.fill("#username", user.username);
        await p.click("#kc-login");
        await waitForPage(p, "login-password.ftl");
        await Promise.all([
          p.waitForNavigation(),
          p.evaluate((action) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = action;
            document.body.append(form);
            form.submit();
          }, staleAction),
        ]);
        await waitForPage(p, "login-page-expired.ftl");
        expect(await pageLanguage(p)).toBe(lang);
        expect(await p.isVisible("#loginRestartLink")).toBe(true);
        expect(await pageVariants(p, "login-page-expired", lang)).toEqual([]);
        await p.click("#loginContinueLink");
        await waitForPage(p, "login-password.ftl");
        await p.fill("#password", user.password);
        await p.click("#kc-login");
      });
    }
    expect(console.errors).toEqual([]);
  });
});
