// A Tier 0 user loses her security key (issue 16's proof) on a realm provisioned from the example
// policy, through the real path: `kc-assurance reset` run in-process, each operator signing in in
// Chromium (authorization code with PKCE to the command's loopback port, level 3 asked, a security
// key set up on the way), the realm's e-mail going to an SMTP server in this process.
// Operator A requests; A's approval is refused; B's approval with a level-1 token is refused; B's
// approval after the step-up carries it out: her factors are gone, her sessions ended, she is
// e-mailed (no secret in it) and sets everything up again; the admin events tell the story.
import type { BrowserContext, Page } from "playwright-core";
import { run } from "../../provisioning/cli/main.js";
import { ResetApi, ResetApiError, type ResetRequest } from "../../provisioning/reset/api.js";
import { signIn as operatorSignIn } from "../../provisioning/reset/sign-in.js";
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { pointRealmAtSmtp, startSmtp, type SmtpServer } from "../support/smtp.js";
import { answerSteps, SET_UP_PAGES, type Enrolled } from "../../provisioning/browser/steps.js";
import { createUser, grantRealmRole, type TestUser } from "../support/users.js";
import { addVirtualAuthenticator } from "../../provisioning/browser/webauthn.js";

const realm = useFreshRealm("mfa-reset");
const browser = useBrowser();
let smtp: SmtpServer;

beforeAll(async () => {
  await provision(realm);
  smtp = await startSmtp();
  await pointRealmAtSmtp(realm, smtp);
});
afterAll(async () => smtp?.close());

/** A browser of one person, with a security key of their own. */
async function person(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  return { context, page };
}

/** Runs kc-assurance in this process; when it prints its sign-in URL, `page` signs in as `user`. */
async function cli(args: string[], page: Page, user: TestUser, enrolled: Enrolled = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  let signingIn: Promise<void> = Promise.resolve();
  // A sign-in that goes wrong fails the test now, not when the command's own wait runs out.
  let failed: (e: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const code = await Promise.race([
    run([...args, "--realm", realm.name, "--url", realm.server.baseUrl, "--no-browser"], {
      out: (s) => (out += s),
      err: (s) => {
        err += s;
        const url = /https?:\/\/\S+\/protocol\/openid-connect\/auth\?\S+/.exec(s)?.[0];
        if (url) signingIn = page.goto(url).then(() => answerSteps(page, enrolled, [], 0, user)).catch(failed);
      },
      env: {},
    }),
    failure,
  ]);
  await signingIn;
  return { code, out, err };
}

const operator = async (name: string, role: string) => {
  const user = await createUser(realm, name);
  await grantRealmRole(realm, user.id, role);
  return user;
};

describe("MFA reset of a Tier 0 user who lost her security key", () => {
  let tina: TestUser;
  const tinaHas: Enrolled = {};
  let tinaBrowser: { context: BrowserContext; page: Page };
  let request: ResetRequest;

  it("Tina (Tier 0) has set up her key, app and recovery codes", async () => {
    tina = await tierUser(realm, "tina", "tier-0-platform-admins");
    tinaBrowser = await person();
    const client = await policyClient(realm, "self-service");
    const first = await signIn(tinaBrowser.page, client, (p) => answerSteps(p, tinaHas, [], 0, tina));
    expect(first.claims()?.acr).toBe("urn:example:loa:3");
    expect((await realm.admin.users.listSessions({ id: tina.id })).length).toBe(1);
  });

  let alice: TestUser;
  let alicePage: Page;

  it("operator A requests the reset, signing in at level 3 through the browser (a key set up on the way)", async () => {
    alice = await operator("alice", "identity-admins");
    const { page } = await person();
    alicePage = page;
    const r = await cli(["reset", "request", "tina", "--reason", "lost her security key", "--ticket", "INC-2001", "--proofing", "video ID check 88", "--json"], page, alice);
    expect(r).toMatchObject({ code: 0 });
    expect(r.err).toMatch(/Sign in as yourself \(level urn:example:loa:3, within 600 s\)/);
    request = JSON.parse(r.out) as ResetRequest;
    expect(request).toMatchObject({ status: "open", needed: 1, factors: ["totp", "webauthn", "recovery-codes"], requester: { username: "alice" }, user: { username: "tina" } });
    expect(await page.textContent("body")).toContain("Signed in. You can close this tab");
  });

  it("A cannot approve her own request", async () => {
    const r = await cli(["reset", "approve", request.id], alicePage, alice);
    expect(r.code).toBe(1);
    expect(r.err).toContain("error: you requested this reset; someone else must approve it");
  });

  let bob: TestUser;
  let bobPage: Page;

  it("B's approval with a sign-in below level 3 is refused", async () => {
    bob = await operator("bob", "security-owners");
    const { page } = await person();
    bobPage = page;
    const api = new ResetApi(realm.server.baseUrl, realm.name);
    const rules = await api.signInRules();
    let answering: Promise<void> = Promise.resolve();
    const token = await operatorSignIn({
      url: realm.server.baseUrl, realm: realm.name, rules: { ...rules, acr: "urn:example:loa:1" },
      announce: (url) => void (answering = page.goto(url).then(() => answerSteps(page, {}, [], 0, bob))),
    });
    // The browser's own arrival at the callback can lag the code the command already redeemed; on a
    // loaded machine it then cut into the next test's navigation.
    await answering;
    const refused = await api.withToken(token).approve(request.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ResetApiError);
    expect(refused).toMatchObject({ status: 403, message: "to approve a reset your sign-in must reach level 3; this one reached 1" });
    expect((await realm.admin.users.getCredentials({ id: tina.id })).map((c) => c.type)).toContain("webauthn");
  });

  it("B approves after stepping up to level 3: the reset is carried out", async () => {
    const r = await cli(["reset", "approve", request.id, "--json"], bobPage, bob);
    expect(r.code).toBe(0);
    const done = JSON.parse(r.out) as ResetRequest;
    expect(done).toMatchObject({ status: "executed", closedBy: { username: "bob" }, executed: { notified: "sent" } });
    expect([...done.executed!.removed].sort()).toEqual(["otp", "recovery-authn-codes", "webauthn"]);
    expect((await realm.admin.users.getCredentials({ id: tina.id })).map((c) => c.type)).toEqual(["password"]);
    expect(await realm.admin.users.listSessions({ id: tina.id })).toEqual([]);
  });

  it("Tina is e-mailed what happened, when, by whom and what to do, with no secret", async () => {
    const mail = await smtp.waitFor((m) => m.to.includes("tina@example.test"), 15_000);
    expect(mail.subject).toBe("Your sign-in methods were reset");
    expect(mail.text).toContain("authenticator app, security key, recovery codes");
    expect(mail.text).toContain("Requested by alice, approved by bob");
    expect(mail.text).toContain(`quoting reference ${request.id}`);
    for (const secret of [tinaHas.totpSecret!, ...tinaHas.recoveryCodes!]) expect(mail.raw).not.toContain(secret);
  });

  it("Tina's old session is gone; she sets up a new key, app and codes and reaches level 3 again", async () => {
    const { page } = tinaBrowser;
    const client = await policyClient(realm, "self-service");
    const seen: string[] = [];
    const again: Enrolled = {};
    let notice: string | null = null;
    const next = await signIn(page, client, async (p) => {
      await answerSteps(p, again, seen, 0, tina, async (setUp, id) => SET_UP_PAGES.includes(id) && (notice ??= await setUp.locator('[data-testid="reset-notice"]').textContent()));
    });
    expect(notice).toMatch(/^Your sign-in methods were reset on \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Set them up again to continue\./);
    // Asked for her password again (the SSO session ended), then the three set-up pages.
    expect(seen.slice(0, 2)).toEqual(["login-username.ftl", "login-password.ftl"]);
    expect([...seen.slice(2)].sort()).toEqual(["login-config-totp.ftl", "login-recovery-authn-code-config.ftl", "webauthn-register.ftl"]);
    expect(next.claims()?.acr).toBe("urn:example:loa:3");
  });

  it("the admin events tell the story", async () => {
    const events = (await realm.admin.realms.findAdminEvents({ realm: realm.name, resourcePath: `users/${tina.id}/kca-mfa-reset/*`, max: 50 } as never)) as
      { authDetails: { userId: string }; details?: Record<string, string> }[];
    const story = events.map((e) => `${e.details?.step} ${e.authDetails.userId === alice.id ? "A" : e.authDetails.userId === bob.id ? "B" : "?"}`).sort();
    expect(story).toEqual(["approved B", "executed B", "refused A", "refused B", "requested A"]);
    const executed = events.find((e) => e.details?.step === "executed")!;
    expect(executed.details).toMatchObject({ requester: "alice", approvers: "bob", reason: "lost her security key", ticket: "INC-2001", proofing: "video ID check 88", notified: "sent", severity: "high" });
  });
});
