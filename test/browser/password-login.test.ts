// A user signs in with username and password on Keycloak's login page; the client uses the
// authorization code flow with PKCE and checks the ID token it gets.
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn } from "../support/oidc.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser } from "../support/users.js";

const realm = useFreshRealm("pwlogin");
const browser = useBrowser();

const enterPassword = (username: string, password: string) => async (page: Page) => {
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("#kc-login");
};

describe("password login with authorization code and PKCE", () => {
  it("issues an ID token for the user, with acr and auth_time of this sign-in", async () => {
    const user = await createUser(realm, "alice");
    const client = await createTestClient(realm);
    const context = await browser.newContext();
    const page = await context.newPage();

    const before = Math.floor(Date.now() / 1000);
    const tokens = await signIn(page, client, enterPassword(user.username, user.password));
    const after = Math.ceil(Date.now() / 1000);

    const claims = tokens.claims();
    expect(claims?.sub).toBe(user.id);
    expect(claims?.iss).toBe(realm.issuer);
    expect(claims?.aud).toBe(client.clientId);
    // No level-of-assurance flow ran, so Keycloak reports "1" for a fresh password login.
    expect(claims?.acr).toBe("1");
    expect(claims?.auth_time).toBeGreaterThanOrEqual(before - 1);
    expect(claims?.auth_time).toBeLessThanOrEqual(after + 1);
    await context.close();
  });

  it("keeps the user on the login page with an error for a wrong password, and issues nothing", async () => {
    const user = await createUser(realm, "bob");
    const client = await createTestClient(realm, "test-app-2");
    const context = await browser.newContext();
    const page = await context.newPage();
    const attempt = signIn(page, client, async (p) => {
      await enterPassword(user.username, "wrong-password")(p);
      await p.waitForSelector("#input-error, .kc-feedback-text, [id^=input-error]");
      throw new Error(`still on login: ${await p.locator("#input-error, [id^=input-error]").first().innerText()}`);
    });
    await expect(attempt).rejects.toThrow(/still on login: Invalid username or password/);
    await context.close();
  });
});
