// A policy whose level 1 is the password alone: our flow then asks username and password on one
// page (Keycloak's login.ftl, our theme) instead of the username first, a request less per sign-in,
// and the tier is found after it. Tiers, levels, step-up and amr must come out as they do with the
// username page.
import type { Page } from "playwright-core";
import { giveTotpApps } from "../../provisioning/admin/users.js";
import { currentPageId, fieldError } from "../../provisioning/browser/pages.js";
import { answerSteps, type Enrolled } from "../../provisioning/browser/steps.js";
import { applyPolicy } from "../../provisioning/converge.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import { useBrowser } from "../support/browser.js";
import { REDIRECT_URI, signIn, type AuthorizationRequest } from "../support/oidc.js";
import { policyClient, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser, type TestUser } from "../support/users.js";

const POLICY = `version: 1
theme: kc-assurance
levels:
  - { name: loa1, acr: ["urn:one:loa:1"], factors: [password], maxAge: 10h }
  - { name: loa2, acr: ["urn:one:loa:2"], factors: [totp], maxAge: 1h }
factors:
  password: {}
  totp: {}
tiers:
  - { tier: 1, name: staff, group: staff, level: loa2, require: [totp] }
clients:
  - { clientId: portal, redirectUris: ["${REDIRECT_URI}"] }
stepUp:
  missingFactor: deny
`;

const realm = useFreshRealm("one-page");
const browser = useBrowser();

/**
 * A whole sign-in in a browser of its own (or `page`), answered by answerSteps: the tokens and the
 * pages seen. `periodsAhead` 1 for a second code in the same period (codes are single-use).
 */
async function signInAll(user: TestUser, enrolled: Enrolled = {}, request: AuthorizationRequest = {}, page?: Page, periodsAhead = 0) {
  const seen: string[] = [];
  const client = await policyClient(realm, "portal");
  const tokens = await signIn(page ?? (await (await browser.newContext()).newPage()), client, (p) => answerSteps(p, enrolled, seen, periodsAhead, user), request);
  return { tokens, seen, claims: tokens.claims()! };
}

describe("one page for username and password, when level 1 is the password alone", () => {
  beforeAll(async () => {
    const r = checkPolicy("one-page.yaml", POLICY);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    await applyPolicy(realm.admin, r.policy, realm.name);
  });

  it("signs a user in no tier in on that one page, at level 1 with the password's amr", async () => {
    const user = await createUser(realm, "nora");
    const { seen, claims } = await signInAll(user);
    expect(seen).toEqual(["login.ftl"]);
    expect(claims.acr).toBe("urn:one:loa:1");
    expect(claims.amr).toEqual(["pwd"]);
  });

  it("finds the tier after that page: a Tier 1 user sets up TOTP before any token, and is asked for it next time", async () => {
    const user = await tierUser(realm, "tess", "staff");
    const enrolled: Enrolled = {};
    const first = await signInAll(user, enrolled);
    expect(first.seen).toEqual(["login.ftl", "login-config-totp.ftl"]);
    expect(first.claims.acr).toBe("urn:one:loa:2");
    expect(first.claims.amr).toEqual(["pwd", "otp", "mfa"]);

    const again = await signInAll(user, enrolled, {}, undefined, 1);
    expect(again.seen).toEqual(["login.ftl", "login-otp.ftl"]);
    expect(again.claims.acr).toBe("urn:one:loa:2");
  });

  it("steps a signed-in user up by the level's factor alone: no page asks the password again", async () => {
    const user = await createUser(realm, "sid");
    const [app] = await giveTotpApps(realm.admin, realm.name, user.id, ["Phone"]);
    const page = await (await browser.newContext()).newPage();
    const enrolled: Enrolled = { totpSecret: app!.shown };
    const first = await signInAll(user, enrolled, {}, page);
    expect(first.claims.acr).toBe("urn:one:loa:1");

    const stepped = await signInAll(user, enrolled, { acrValues: "urn:one:loa:2" }, page);
    expect(stepped.seen).toEqual(["login-otp.ftl"]);
    expect(stepped.claims.acr).toBe("urn:one:loa:2");
    expect(stepped.claims.sid).toBe(first.claims.sid);
  });

  it("refuses a wrong password on that page, then goes on as before once it is right", async () => {
    const user = await tierUser(realm, "will", "staff");
    const client = await policyClient(realm, "portal");
    let refused: { id?: string; error?: string } = {};
    const seen: string[] = [];
    const tokens = await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await p.fill("#username", user.username);
      await p.fill("#password", "not-the-password");
      await p.click("#kc-login");
      await p.waitForSelector('[data-testid="field-error"]');
      refused = { id: await currentPageId(p), error: await fieldError(p) };
      await answerSteps(p, {}, seen, 0, user);
    });
    expect(refused.id).toBe("login.ftl");
    expect(refused.error).toMatch(/invalid/i);
    expect(seen).toEqual(["login.ftl", "login-config-totp.ftl"]);
    expect(tokens.claims()?.acr).toBe("urn:one:loa:2");
  });
});
