// Passkeys on the first page of a provisioned realm (level 1 lists `passkey`): apply turns on the
// realm's passkeys, our username page offers them in the username autofill, and the sign-in reaches
// level 1 with amr "hwk", never "pwd" (Keycloak's password form would pass such a user without a
// password). A tier whose allow list leaves passkeys out is refused. Chromium's virtual platform
// authenticator holds the passkeys and answers the autofill request as a person picking one would.
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { signIn, signOut, type TestClient } from "../support/oidc.js";
import { registerWebAuthn, waitForPage } from "../support/pages.js";
import { enterUsernameAndPassword, examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { screenshot, watchConsole } from "../support/theme-fixtures.js";
import type { TestUser } from "../support/users.js";
import { addVirtualAuthenticator, type VirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("e2e-passkey");
const browser = useBrowser();
let client: TestClient;

// Tier 2 may not use passkeys; everyone else may (the example's level 1 is password or passkey).
const policy = examplePolicy((text) => text.replace("    group: tier-2-project-owners\n", "    group: tier-2-project-owners\n    allow: [password, totp]\n"));

beforeAll(async () => {
  await provision(realm, policy);
  client = await policyClient(realm, "self-service");
});

/** Resolves when the page posts its passkey form (`#webauth`, carrying an assertion). */
async function passkeyPosted(page: Page): Promise<void> {
  await page.waitForRequest(
    (r) => r.method() === "POST" && r.url().includes("/login-actions/authenticate") && new URLSearchParams(r.postData() ?? "").has("authenticatorData"),
  );
}

/**
 * A user of the tier who signs in with their password, sets up a passkey when Keycloak asks (an
 * admin set the action: tier 2 may not, by policy, choose one itself) and signs out.
 */
async function userWithPasskey(username: string, group: string): Promise<{ user: TestUser; page: Page; authenticator: VirtualAuthenticator; errors: string[] }> {
  const user = await tierUser(realm, username, group);
  await realm.admin.users.update({ id: user.id }, { requiredActions: ["webauthn-register-passwordless"] });
  const page = await (await browser.newContext()).newPage();
  const { errors } = watchConsole(page);
  const authenticator = await addVirtualAuthenticator(page, { transport: "internal", hasResidentKey: true, hasUserVerification: true });
  const tokens = await signIn(page, client, async (p) => {
    await enterUsernameAndPassword(p, user);
    await registerWebAuthn(p, `${username}'s passkey`);
  });
  expect((await authenticator.credentials()).map((c) => c.isResidentCredential)).toEqual([true]);
  await signOut(page, client, tokens.id_token!);
  await waitForPage(page, "info.ftl");
  return { user, page, authenticator, errors };
}

describe("passkeys on the first page of a provisioned realm", () => {
  it("are turned on by apply because level 1 lists them", async () => {
    const rep = (await realm.admin.realms.findOne({ realm: realm.name })) as Record<string, unknown>;
    expect(rep.webAuthnPolicyPasswordlessPasskeysEnabled).toBe(true);
    // Sent with the rest of the passwordless policy, which Keycloak would otherwise reset.
    expect(rep.webAuthnPolicyPasswordlessUserVerificationRequirement).toBe("required");
    expect(rep.webAuthnPolicyPasswordlessResidentKey).toBe("required");
  });

  it("sign a user in at level 1 from the username autofill, named in amr as the passkey", async () => {
    const { user, page, authenticator, errors } = await userWithPasskey("pia", "tier-3-standard-users");
    const signCount = (await authenticator.credentials())[0]!.signCount;

    // Nothing typed or clicked: the page asks for a passkey as it opens, and the sign-in is over
    // before a test could look at it; the page Keycloak sent says which it was.
    const firstPage = page.waitForResponse((r) => r.url().includes("/protocol/openid-connect/auth")).then((r) => r.text());
    const tokens = await signIn(page, client, passkeyPosted);
    expect(await firstPage).toContain('kcContext.pageId = "login-username.ftl"');
    expect(tokens.claims()?.sub).toBe(user.id);
    expect(tokens.claims()?.acr).toBe("urn:example:loa:1");
    expect(tokens.claims()?.amr).toEqual(["hwk"]);
    expect((await authenticator.credentials())[0]!.signCount).toBeGreaterThan(signCount);
    expect(errors).toEqual([]);
  });

  it("leave the password sign-in as it was: amr pwd", async () => {
    const user = await tierUser(realm, "paul", "tier-3-standard-users");
    const page = await (await browser.newContext()).newPage();
    const { errors } = watchConsole(page);
    const tokens = await signIn(page, client, async (p) => {
      await waitForPage(p, "login-username.ftl");
      await screenshot(p, "login-username");
      await p.fill("#username", user.username);
      await p.click("#kc-login");
      await waitForPage(p, "login-password.ftl");
      await screenshot(p, "login-password");
      // A passkey used on the password page would count as the password; our page offers none.
      expect(await p.locator("#authenticateWebAuthnButton").count()).toBe(0);
      await p.fill("#password", user.password);
      await p.click("#kc-login");
    });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:1");
    expect(tokens.claims()?.amr).toEqual(["pwd"]);
    expect(errors).toEqual([]);
  });

  it("refuse a tier whose allow list leaves passkeys out, with the reason, and give no token", async () => {
    const { page } = await userWithPasskey("otto", "tier-2-project-owners");
    let refusal: string | undefined;
    await expect(
      signIn(page, client, async (p) => {
        await passkeyPosted(p);
        await p.waitForFunction(() => (window as { kcContext?: { message?: unknown } }).kcContext?.message !== undefined);
        refusal = await p.evaluate(() => (window as { kcContext?: { message?: { summary?: string } } }).kcContext?.message?.summary);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(refusal).toBe("Your account may not sign in with a passkey. Start again and sign in with your password.");
    await page.getByText(refusal!).waitFor({ state: "visible", timeout: 10_000 });
  });
});
