// Scenario 1 of the end-to-end suite: a Tier 0 platform admin on a realm provisioned from the
// example policy: WebAuthn, TOTP and recovery codes are all set up before any token, and every
// sign-in reaches the highest level with both second factors.
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { enterUsernameAndPassword, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { answerSteps, type Enrolled } from "../../provisioning/browser/steps.js";
import { addVirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("e2e-tier0");
const browser = useBrowser();

describe("Tier 0: every factor set up before any token, highest level on every sign-in", () => {
  it("enrols WebAuthn, TOTP and recovery codes on first sign-in, then asks for both second factors", async () => {
    await provision(realm);
    const user = await tierUser(realm, "ada", "tier-0-platform-admins");
    const client = await policyClient(realm, "self-service");
    const context = await browser.newContext();
    const page = await context.newPage();
    await addVirtualAuthenticator(page);

    const enrolled: Enrolled = {};
    const firstPages: string[] = [];
    const first = await signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await answerSteps(p, enrolled, firstPages, 0);
    });
    expect([...firstPages].sort()).toEqual(["login-config-totp.ftl", "login-recovery-authn-code-config.ftl", "webauthn-register.ftl"]);
    expect(enrolled.recoveryCodes).toHaveLength(12);
    expect(first.claims()?.acr).toBe("urn:example:loa:3");
    const credentials = (await realm.admin.users.getCredentials({ id: user.id })).map((c) => c.type).sort();
    expect(credentials).toEqual(["otp", "password", "recovery-authn-codes", "webauthn"]);

    // A new browser session (same authenticator device): password, TOTP and the security key again.
    await page.context().clearCookies();
    const secondPages: string[] = [];
    const second = await signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await answerSteps(p, enrolled, secondPages, 1);
    });
    expect(secondPages).toEqual(["login-otp.ftl", "webauthn-authenticate.ftl"]);
    expect(second.claims()?.acr).toBe("urn:example:loa:3");
    expect(second.claims()?.amr).toEqual(["pwd", "otp", "hwk", "mfa"]);
  });
});
