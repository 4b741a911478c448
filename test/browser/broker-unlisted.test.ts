// The bypass that brokering opened: Keycloak never resumes the browser flow after an identity
// provider's sign-in, so without a post-login flow of ours a brokered sign-in got a token at level 1
// whatever the user's tier or the client asked. An identity provider the policy does not list must
// be no way around the policy: it counts for level 1 only, and the tier's factors are asked (or
// enrolled) locally before any token.
import { decodeJwt } from "jose";
import { useBrowser } from "../support/browser.js";
import { signIn, stopsAt } from "../support/oidc.js";
import { confirmRecoveryCodes, readRecoveryCodes, readTotpSecret, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { addIdentityProvider, linkUser, provisionUpstream, upstreamSignIn, upstreamUser } from "../support/upstream.js";

const local = useFreshRealm("broker-unlisted");
const upstream = useFreshRealm("broker-unlisted-up");
const browser = useBrowser();

describe("an identity provider the policy does not list", () => {
  it("never lets a brokered sign-in skip the tier's factors", async () => {
    await provisionUpstream(upstream);
    // Upstream MFA done (password + TOTP) does not count either: the provider is not trusted.
    const upBob = await upstreamUser(upstream, "bob", { totp: true });
    await provision(local);
    // Added after apply, as an admin would in the console: no apply runs again. Our Keycloak
    // provider binds it to the "reject" post-login flow at once.
    await addIdentityProvider(local, upstream, "partner");
    const bob = await tierUser(local, "bob", "tier-1-operators");
    await linkUser(local, bob.id, "partner", upBob);
    const client = await policyClient(local, "self-service");

    // Tier 1 reaches level 2 on every sign-in: after the upstream sign-in, our TOTP enrolment and
    // the recovery codes the tier must hold come before any token.
    let enrolled = false;
    const tokens = await signIn(await (await browser.newContext()).newPage(), client, async (page) => {
      await waitForPage(page, "login-username.ftl");
      await page.click("#social-partner");
      await upstreamSignIn(page, upBob, true);
      const secret = await readTotpSecret(page);
      await submitTotpEnrolment(page, totpCode(secret), "phone");
      await readRecoveryCodes(page);
      await confirmRecoveryCodes(page);
      enrolled = true;
    });
    expect(enrolled).toBe(true);
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
    expect(decodeJwt(tokens.access_token).acr).toBe("urn:example:loa:2");
  });

  it("asks a Tier 3 user for the level a client requests, after the upstream sign-in", async () => {
    const upCarol = await upstreamUser(upstream, "carol", { totp: true });
    const carol = await tierUser(local, "carol", "tier-3-standard-users");
    await linkUser(local, carol.id, "partner", upCarol);
    const client = await policyClient(local, "self-service");
    // Level 3 (WebAuthn) is asked for; the ladder climbs through level 2 first, as on our own
    // pages: carol has no local factor, so she is taken to set one up, never handed a token.
    const page = await (await browser.newContext()).newPage();
    const outcome = await stopsAt(page, client, "login-config-totp.ftl", async (p) => {
      await waitForPage(p, "login-username.ftl");
      await p.click("#social-partner");
      await upstreamSignIn(p, upCarol, true);
    }, { acrValues: "urn:example:loa:3" });
    expect(outcome).toBe("stopped at login-config-totp.ftl");
  });
});
