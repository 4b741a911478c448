// Scenarios 4 and 5 of the end-to-end suite: step-up for a Tier 3 user, and a client's minimum level.
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { enterUsernameAndPassword, policyClient, provision, tierUser } from "../support/provisioned.js";
import { readTotpSecret, submitTotp, submitTotpEnrolment, totpCode } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("e2e-stepup");
const browser = useBrowser();

describe("step-up and minimum levels", () => {
  beforeAll(() => provision(realm));

  it("Tier 3: level 1 with a password; asking for level 2 asks only for a second factor, which carries level 2", async () => {
    const user = await tierUser(realm, "sam", "tier-3-standard-users");
    const client = await policyClient(realm, "self-service");
    const page = await (await browser.newContext()).newPage();

    const first = await signIn(page, client, (p) => enterUsernameAndPassword(p, user));
    expect(first.claims()?.acr).toBe("urn:example:loa:1");
    expect(first.claims()?.amr).toEqual(["pwd"]);

    // Same browser, so the SSO session is there: no password again, only the second factor (enrolled now: missingFactor enroll).
    let sawPassword = true;
    let secret = "";
    const stepped = await signIn(page, client, async (p) => {
      secret = await readTotpSecret(p);
      sawPassword = await p.locator("#password").isVisible();
      await submitTotpEnrolment(p, totpCode(secret), "Phone");
    }, { acrValues: "urn:example:loa:2" });
    expect(sawPassword).toBe(false);
    expect(stepped.claims()?.acr).toBe("urn:example:loa:2");

    // Within level 2's freshness: no prompt at all.
    const fresh = await signIn(page, client, async () => {}, { acrValues: "urn:example:loa:2" });
    expect(fresh.claims()?.acr).toBe("urn:example:loa:2");

    // prompt=login asks for every factor again (the user is known, so the password page comes first).
    const again = await signIn(page, client, async (p) => {
      await p.waitForSelector("#password");
      await p.fill("#password", user.password);
      await p.click("#kc-login");
      await submitTotp(p, totpCode(secret, 1));
    }, { acrValues: "urn:example:loa:2", prompt: "login" });
    expect(again.claims()?.acr).toBe("urn:example:loa:2");
    expect(again.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);

    // The step-up is stored as a LOGIN in the same session as the level-1 sign-in, naming the factor
    // set up on the way. Keycloak's events do not name the level reached; the tokens do.
    const logins = (await realm.admin.realms.findEvents({ realm: realm.name, user: user.id, type: "LOGIN", max: 100 } as never)).reverse();
    expect(logins.length).toBeGreaterThanOrEqual(3);
    expect(logins[1]!.sessionId).toBe(logins[0]!.sessionId);
    expect(logins[1]!.details).toMatchObject({ credential_type: "otp", custom_required_action: "CONFIGURE_TOTP" });
    expect(JSON.stringify(logins)).not.toContain(secret);
  });

  it("a client with minimum level 2 never gets a level-1 token, even when asking for level 1 or nothing", async () => {
    const user = await tierUser(realm, "tess", "tier-3-standard-users");
    const client = await policyClient(realm, "admin-portal");
    let secret = "";
    const asked1 = await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      secret = await readTotpSecret(p);
      await submitTotpEnrolment(p, totpCode(secret), "Phone");
    }, { acrValues: "urn:example:loa:1" });
    expect(asked1.claims()?.acr).toBe("urn:example:loa:2");

    const askedNothing = await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await submitTotp(p, totpCode(secret, 1));
    });
    expect(askedNothing.claims()?.acr).toBe("urn:example:loa:2");
    expect(askedNothing.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);
  });
});
