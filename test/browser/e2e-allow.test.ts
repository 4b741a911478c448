// A tier's `allow` list on a real realm: the tier is offered, and enrolled in, only the factors it
// may use, and a level it may use none of is refused with a reason instead of asking anyway.
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { currentPageId, pageMessage, registerWebAuthn, useWebAuthn, waitForPage } from "../support/pages.js";
import { enterUsernameAndPassword, examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { addVirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("e2e-allow");
const browser = useBrowser();

// Tier 2 may not use WebAuthn (level 3's only factor); Tier 3 may use WebAuthn but not TOTP.
const policy = examplePolicy((text) => text
  .replace("    group: tier-2-project-owners\n", "    group: tier-2-project-owners\n    allow: [password, totp]\n")
  .replace("    group: tier-3-standard-users\n", "    group: tier-3-standard-users\n    allow: [password, webauthn]\n"));

describe("a tier's allow list", () => {
  beforeAll(() => provision(realm, policy));

  it("Tier 3 steps up to level 2 with a security key, never an authenticator app", async () => {
    const user = await tierUser(realm, "wren", "tier-3-standard-users");
    const client = await policyClient(realm, "self-service");
    const page = await (await browser.newContext()).newPage();
    await addVirtualAuthenticator(page);

    const first = await signIn(page, client, (p) => enterUsernameAndPassword(p, user));
    expect(first.claims()?.acr).toBe("urn:example:loa:1");

    // Users outside any restricted tier would be asked to set up TOTP here (the level's first factor).
    let enrolPage: string | undefined;
    const stepped = await signIn(page, client, async (p) => {
      await waitForPage(p, "webauthn-register.ftl");
      enrolPage = await currentPageId(p);
      await registerWebAuthn(p, "Wren's key");
    }, { acrValues: "urn:example:loa:2" });
    expect(enrolPage).toBe("webauthn-register.ftl");
    expect(stepped.claims()?.acr).toBe("urn:example:loa:2");

    // Signing in again at level 2 asks for the key, with no other way offered.
    let otherWays = -1;
    const again = await signIn(page, client, async (p) => {
      await p.fill("#password", user.password);
      await p.click("#kc-login");
      await waitForPage(p, "webauthn-authenticate.ftl");
      otherWays = await p.locator("#try-another-way").count();
      await useWebAuthn(p);
    }, { acrValues: "urn:example:loa:2", prompt: "login" });
    expect(otherWays).toBe(0);
    expect(again.claims()?.acr).toBe("urn:example:loa:2");
    expect(again.claims()?.amr).toEqual(["pwd", "hwk", "mfa"]);
  });

  it("Tier 2, asked for level 3 (WebAuthn only), is refused with the reason and gets no token", async () => {
    const user = await tierUser(realm, "otto", "tier-2-project-owners");
    const client = await policyClient(realm, "self-service");
    const page = await (await browser.newContext()).newPage();
    await addVirtualAuthenticator(page);

    const first = await signIn(page, client, (p) => enterUsernameAndPassword(p, user));
    expect(first.claims()?.acr).toBe("urn:example:loa:1");

    let refusal: string | undefined;
    let registerOffered = true;
    await expect(signIn(page, client, async (p) => {
      refusal = await pageMessage(p);
      registerOffered = (await currentPageId(p)) === "webauthn-register.ftl";
      throw new Error("refused");
    }, { acrValues: "urn:example:loa:3" })).rejects.toThrow("refused");
    expect(registerOffered).toBe(false);
    expect(refusal).toBe("Your account may not use the sign-in methods this application asks for. Contact your administrator.");
    // Shown to the user, not only in the page's data (throws when it does not appear).
    await page.getByText(refusal!).waitFor({ state: "visible", timeout: 10_000 });
  });
});
