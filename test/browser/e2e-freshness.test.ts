// Scenario 4, the clock part: a level stays fresh for its maxAge, then asks its factor again (and
// only that factor); max_age asks every factor again; a refreshed token keeps the level reached.
// Level 2 lasts 20 s here instead of the example's hour, so the test can outlive it.
import { decodeJwt } from "jose";
import * as oidc from "openid-client";
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { currentPageId, readTotpSecret, submitTotp, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { enterUsernameAndPassword, examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("e2e-fresh");
const browser = useBrowser();
const LEVEL2_MAX_AGE = 20;
const policy = examplePolicy((text) => text.replace("    maxAge: 1h\n", `    maxAge: ${LEVEL2_MAX_AGE}s\n`));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A code Keycloak accepts now that was not used before (code reuse is off; one window either side is accepted). */
function unusedCode(secret: string, used: Set<string>): string {
  const code = [0, 1, -1].map((ahead) => totpCode(secret, ahead)).find((c) => !used.has(c));
  if (!code) throw new Error("every code Keycloak would accept now was used already");
  used.add(code);
  return code;
}

describe("freshness of a level", () => {
  beforeAll(() => provision(realm, policy));

  it("asks level 2's factor again once its maxAge has passed, never the password; max_age asks both", async () => {
    const user = await tierUser(realm, "fern", "tier-3-standard-users");
    const client = await policyClient(realm, "self-service");
    const page = await (await browser.newContext()).newPage();
    const used = new Set<string>();

    await signIn(page, client, (p) => enterUsernameAndPassword(p, user));
    let secret = "";
    const stepped = await signIn(page, client, async (p) => {
      secret = await readTotpSecret(p);
      await submitTotpEnrolment(p, unusedCode(secret, used), "Phone");
    }, { acrValues: "urn:example:loa:2" });
    const steppedAt = Date.now();
    expect(stepped.claims()?.acr).toBe("urn:example:loa:2");

    // Keycloak's refresh keeps the level of the sign-in (ID and access token alike).
    const refreshed = await oidc.refreshTokenGrant(client.config, stepped.refresh_token!);
    expect(refreshed.claims()?.acr).toBe("urn:example:loa:2");
    expect(decodeJwt(refreshed.access_token).acr).toBe("urn:example:loa:2");

    // Within the level's freshness: SSO answers without a page.
    const fresh = await signIn(page, client, async () => {}, { acrValues: "urn:example:loa:2" });
    expect(fresh.claims()?.acr).toBe("urn:example:loa:2");

    await sleep(Math.max(0, steppedAt + (LEVEL2_MAX_AGE + 2) * 1000 - Date.now()));
    let firstPage: string | undefined;
    const stale = await signIn(page, client, async (p) => {
      await waitForPage(p, "login-otp.ftl");
      firstPage = await currentPageId(p);
      await submitTotp(p, unusedCode(secret, used));
    }, { acrValues: "urn:example:loa:2" });
    // Level 1 (10 h) is still fresh: only the code page, no password.
    expect(firstPage).toBe("login-otp.ftl");
    expect(stale.claims()?.acr).toBe("urn:example:loa:2");
    expect(stale.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);
    expect(stale.claims()!.auth_time!).toBeGreaterThan(stepped.claims()!.auth_time!);

    // max_age smaller than the time since that sign-in: every factor again, password first.
    await sleep(2000);
    const pages: string[] = [];
    const renewed = await signIn(page, client, async (p) => {
      await p.waitForSelector("#password");
      pages.push((await currentPageId(p))!);
      await p.fill("#password", user.password);
      await p.click("#kc-login");
      await waitForPage(p, "login-otp.ftl");
      pages.push((await currentPageId(p))!);
      await submitTotp(p, unusedCode(secret, used));
    }, { acrValues: "urn:example:loa:2", maxAge: 1 });
    expect(pages).toEqual(["login-password.ftl", "login-otp.ftl"]);
    expect(renewed.claims()?.acr).toBe("urn:example:loa:2");
    expect(renewed.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);
  });
});
