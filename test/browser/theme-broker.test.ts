// The pages of a sign-in through an identity provider, in our design on a real Keycloak: the
// providers on the first page, the first sign-in of a user whose email matches an existing account
// (link, then prove the existing account), the profile review of a user the provider sent with
// details missing, and a linked user asked to sign in again (prompt=login), whom the first page
// invites to continue with their organisation's sign-in.
import { brokeredStart, provisionBrokeredTheme } from "../support/brokered-theme.js";
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { accessibilityViolations, pageVariants, pageVariantsInBothLanguages, currentPageId, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { screenshot } from "../support/theme-fixtures.js";
import { localTwin, upstreamSignIn, upstreamUser } from "../support/upstream.js";

const local = useFreshRealm("theme-broker");
const upstream = useFreshRealm("theme-broker-up");
const browser = useBrowser();

beforeAll(async () => {
  await provisionBrokeredTheme(local, upstream);
  // English and German come from the example policy's languages, so each page is checked and pictured in both.
});

describe("brokered sign-in pages of the kc-assurance theme", () => {
  it("links a first brokered sign-in to the existing account, then invites the user back through their organisation", async () => {
    const up = await upstreamUser(upstream, "zoe", { totp: false });
    const localId = await localTwin(local, up, "zoe-local");
    const { client, context, page, console } = await brokeredStart(local, browser);

    await signIn(page, client, async (p) => {
      await waitForPage(p, "login-username.ftl");
      expect(await p.locator('[data-testid="identity-provider"]').textContent()).toBe("Continue with Corp partner");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "broker-first-page");
      expect(await pageVariantsInBothLanguages(p, "broker-first-page")).toEqual([]);
      await p.click("#social-partner");
      await upstreamSignIn(p, up, false);
      await waitForPage(p, "login-idp-link-confirm.ftl");
      expect(await p.locator("#kca-title").textContent()).toBe("You already have an account");
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("linkAccount");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "broker-link-confirm");
      expect(await pageVariantsInBothLanguages(p, "login-idp-link-confirm")).toEqual([]);
      await p.click("#linkAccount");
      // No mail server: Keycloak asks the user to prove the existing account by signing in to it.
      await waitForPage(p, "login.ftl");
      expect(await p.locator('[data-testid="page-message"]').textContent()).toMatch(/link your account with Corp partner/);
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "broker-link-reauthenticate");
      // English only: this page belongs to Keycloak's first-broker-login flow, and a language link
      // would show the browser flow's first page instead.
      expect(await pageVariants(p, "broker-link-reauthenticate", "en")).toEqual([]);
      await p.fill("#password", "local-password");
      await p.click("#kc-login");
    });
    const links = await local.admin.users.listFederatedIdentities({ id: localId });
    expect(links.map((l) => l.identityProvider)).toEqual(["partner"]);

    // Asked to sign in again (prompt=login), the linked user sees the first page once more, with
    // their organisation's sign-in as the way to go on; the password comes second.
    await signIn(
      page,
      client,
      async (p) => {
        await waitForPage(p, "login-username.ftl");
        expect(await p.locator("#kca-title").textContent()).toBe("Confirm it's you");
        expect(await p.locator('[data-testid="reauth-with-idp"]').textContent()).toContain("Corp partner");
        expect(await p.evaluate(() => document.activeElement?.id)).toBe("social-partner");
        expect(await p.locator("#kc-login").textContent()).toBe("Use my password instead");
        expect(await p.locator("body").textContent()).not.toContain("Please re-authenticate");
        expect(await accessibilityViolations(p)).toEqual([]);
        await screenshot(p, "broker-reauthenticate");
        expect(await pageVariantsInBothLanguages(p, "broker-reauthenticate")).toEqual([]);
        await p.click("#social-partner");
        // Keycloak passes prompt=login on: the organisation's sign-in asks for the password again.
        await p.waitForSelector("#password");
        await p.fill("#password", up.password);
        await p.click("#kc-login");
      },
      { prompt: "login" },
    );
    expect(console.errors).toEqual([]);
    await context.close();
  });

  it("has a new brokered user review the details the provider sent, in our form", async () => {
    // Keycloak's first-broker-login flow, set to review the profile of every new brokered user.
    const admin = local.admin.authenticationManagement;
    const review = (await admin.getExecutions({ flow: "first broker login" })).find((e) => e.providerId === "idp-review-profile");
    const config = await admin.getConfig({ id: review!.authenticationConfig! });
    await admin.updateConfig({ ...config, config: { ...config.config, "update.profile.on.first.login": "on" } });
    const up = await upstreamUser(upstream, "newbie", { totp: false });
    const { client, context, page, console } = await brokeredStart(local, browser);
    const outcome = await signIn(page, client, async (p) => {
      await waitForPage(p, "login-username.ftl");
      await p.click("#social-partner");
      await upstreamSignIn(p, up, false);
      await waitForPage(p, "idp-review-user-profile.ftl");
      expect(await p.locator("#kca-title").textContent()).toBe("Check your details");
      expect(await p.inputValue("#firstName")).toBe("Upstream");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "broker-review-profile");
      expect(await pageVariantsInBothLanguages(p, "idp-review-user-profile")).toEqual([]);
      await p.fill("#lastName", "Lastname");
      await p.click("#kc-submit");
      // The new account is Tier-less: level 1 asks nothing more of a brokered sign-in.
      await p.waitForURL(/callback|login-actions/);
      const id = await currentPageId(p).catch(() => undefined);
      if (id) throw new Error(`stopped at ${id}`);
    }).then(() => "token", (e: Error) => e.message);
    expect(outcome).toBe("token");
    expect((await local.admin.users.find({ username: "newbie", exact: true }))[0]?.lastName).toBe("Lastname");
    expect(console.errors).toEqual([]);
    await context.close();
  });
});
