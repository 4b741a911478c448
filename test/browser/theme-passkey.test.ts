// Passkey sign-in on the theme's first page (login.ftl) in a real Keycloak with Chromium's virtual
// platform authenticator: a user registers a passkey, signs out, and signs in again with the passkey
// alone, typing neither name nor password: from the page's button, and from the username field's
// autofill (conditional UI).
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, signOut, type TestClient } from "../support/oidc.js";
import { accessibilityViolations, pageVariantsInBothLanguages, registerWebAuthn, signInWithPasskey, signInWithPassword, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { enablePasskeys, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";
import { createUser, type TestUser } from "../support/users.js";
import { addVirtualAuthenticator, type VirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("theme-passkey");
const browser = useBrowser();
let client: TestClient;

beforeAll(async () => {
  await useOurTheme(realm);
  // English and German, so each page is checked and pictured in both.
  await realm.admin.realms.update({ realm: realm.name }, { internationalizationEnabled: true, supportedLocales: ["en", "de"], defaultLocale: "en" });
  client = await createTestClient(realm);
});

interface PasskeyUser {
  user: TestUser;
  page: Page;
  console: { errors: string[] };
  authenticator: VirtualAuthenticator;
  /** The passkey's signature counter after registration. */
  signCount: number;
}

/** A user who signs in with a password, registers a passkey when Keycloak asks, and signs out. */
async function registerPasskey(username: string): Promise<PasskeyUser> {
  const user = await createUser(realm, username);
  await realm.admin.users.update({ id: user.id }, { requiredActions: ["webauthn-register-passwordless"] });
  const page = await (await browser.newContext()).newPage();
  const console = watchConsole(page);
  // A platform authenticator that keeps the key (resident) and verifies the user: a passkey.
  const authenticator = await addVirtualAuthenticator(page, { transport: "internal", hasResidentKey: true, hasUserVerification: true });

  const tokens = await signIn(page, client, async (p) => {
    await signInWithPassword(p, user.username, user.password);
    await registerWebAuthn(p, "Laptop passkey");
  });
  const [passkey] = await authenticator.credentials();
  expect(passkey?.isResidentCredential).toBe(true);
  const stored = (await realm.admin.users.getCredentials({ id: user.id })).filter((c) => c.type === "webauthn-passwordless");
  expect(stored.map((c) => c.userLabel)).toEqual(["Laptop passkey"]);

  await signOut(page, client, tokens.id_token!);
  await waitForPage(page, "info.ftl");
  return { user, page, console, authenticator, signCount: passkey!.signCount };
}

/** Resolves when the sign-in page posts its passkey form (`#webauth`, carrying an assertion). */
async function passkeyPosted(page: Page): Promise<void> {
  await page.waitForRequest(
    (r) => r.method() === "POST" && r.url().includes("/login-actions/authenticate") && new URLSearchParams(r.postData() ?? "").has("authenticatorData"),
  );
}

describe("passkey sign-in on the first page of the kc-assurance theme", () => {
  it("signs in with the passkey button", async () => {
    // Nothing asked on the page's opening, so only the button can start the sign-in.
    await enablePasskeys(realm, "none");
    const { user, page, console, authenticator, signCount } = await registerPasskey("pia");

    const tokens = await signIn(page, client, async (p) => {
      await waitForPage(p, "login.ftl");
      expect(await p.getAttribute("#username", "autocomplete")).toBe("username webauthn");
      expect(await accessibilityViolations(p)).toEqual([]);
      await screenshot(p, "login-passkey");
      expect(await pageVariantsInBothLanguages(p, "login-passkey")).toEqual([]);
      const posted = passkeyPosted(p);
      await signInWithPasskey(p);
      await posted;
    });
    // The passkey named the user: the token is theirs, and the authenticator signed once more.
    expect(tokens.claims()?.sub).toBe(user.id);
    expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(signCount);
    expect(console.errors).toEqual([]);
  });

  it("signs in with the passkey offered in the username field's autofill", async () => {
    await enablePasskeys(realm, "conditional");
    const { user, page, console, authenticator, signCount } = await registerPasskey("paz");

    // The page asks for a passkey as it opens; Chromium's virtual authenticator answers at once,
    // as a person would by picking the passkey from the autofill list. Nothing is typed or clicked.
    const tokens = await signIn(page, client, passkeyPosted);
    expect(tokens.claims()?.sub).toBe(user.id);
    expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(signCount);
    expect(console.errors).toEqual([]);
  });
});
