// Trusting an upstream identity provider's MFA, per provider: a local realm provisioned by our
// apply brokers to an upstream realm (password + TOTP ladder, acr and amr in its tokens) through
// providers trusted "accept", "enforce" and "reject". Tiers hold for brokered users as for local
// ones: the tier's level is reached upstream or locally, or there is no token.
import { decodeJwt } from "jose";
import type { BrowserContext, Page } from "playwright-core";
import { createGuard } from "../../guard/index.js";
import { useBrowser } from "../support/browser.js";
import { signIn, stopsAt, type TestClient } from "../support/oidc.js";
import { confirmRecoveryCodes, pageMessage, readRecoveryCodes, readTotpSecret, registerWebAuthn, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { addVirtualAuthenticator } from "../../provisioning/browser/webauthn.js";
import { examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { addIdentityProvider, linkUser, provisionUpstream, upstreamSignIn, upstreamTotp, upstreamUser, type UpstreamUser } from "../support/upstream.js";

const local = useFreshRealm("broker-trust");
const upstream = useFreshRealm("broker-trust-up");
const browser = useBrowser();

const IDENTITY_PROVIDERS = `
identityProviders:
  corp:
    trust: accept
    levels:
      loa2: { acr: ["urn:corp:loa:2"], amr: [otp] }
    request:
      loa2: "urn:corp:loa:2"
  corp-fresh:
    trust: accept
    maxAge: 8s
    levels:
      loa2: { amr: [otp] }
  strict:
    trust: enforce
    levels:
      loa2: { acr: ["urn:corp:loa:2"] }
  partner:
    trust: reject
`;
const policy = examplePolicy((text) => `${text}\n${IDENTITY_PROVIDERS}`);
let client: TestClient;

beforeAll(async () => {
  await provisionUpstream(upstream);
  for (const alias of ["corp", "corp-fresh", "strict", "partner"]) await addIdentityProvider(local, upstream, alias);
  await provision(local, policy);
  client = await policyClient(local, "self-service");
});

/** A local user of the tier group, linked to a fresh upstream account through the provider. */
async function brokeredUser(name: string, group: string, alias: string, totp: boolean): Promise<{ id: string; up: UpstreamUser }> {
  const up = await upstreamUser(upstream, name, { totp });
  const user = await tierUser(local, name, group);
  await linkUser(local, user.id, alias, up);
  return { id: user.id, up };
}

/** Our first page, the provider's button, then the upstream realm's sign-in. */
async function throughProvider(page: Page, alias: string, up: UpstreamUser, totp: boolean): Promise<void> {
  await waitForPage(page, "login-username.ftl");
  await page.click(`#social-${alias}`);
  await upstreamSignIn(page, up, totp);
}

const newPage = async (): Promise<Page> => (await (await browser.newContext()).newPage());

describe("accept: the provider's MFA counts; our factor where it was not done", () => {
  it("upstream password + TOTP: no local factor, level 2, upstream amr and mfa in the token; the event names what was counted", async () => {
    const alice = await brokeredUser("alice", "tier-1-operators", "corp", true);
    const tokens = await signIn(await newPage(), client, (page) => throughProvider(page, "corp", alice.up, true));
    const id = tokens.claims()!;
    expect(id.acr).toBe("urn:example:loa:2");
    expect(id.amr).toEqual(expect.arrayContaining(["pwd", "otp", "mfa"]));
    const access = decodeJwt(tokens.access_token);
    expect(access.acr).toBe("urn:example:loa:2");
    // The token's auth_time is the upstream's, not the moment the broker finished.
    expect(Math.abs(Number(id.auth_time) - Math.floor(Date.now() / 1000))).toBeLessThan(60);

    const events = await local.admin.realms.findEvents({ realm: local.name, type: "IDENTITY_PROVIDER_POST_LOGIN", user: alice.id } as never);
    const details = events.map((e) => e.details ?? {}).find((d) => d.kca_upstream_idp);
    expect(details).toMatchObject({ kca_upstream_idp: "corp", kca_upstream_acr: "urn:corp:loa:2", kca_upstream_level: "2", kca_upstream_trust: "accept" });
    expect(details?.kca_upstream_amr).toContain("otp");

    // The API guard takes the brokered token where the level suffices.
    const guard = createGuard({
      issuer: local.issuer,
      policy: { audience: policy.api!.audience, levels: policy.api!.levels, routes: [{ method: "GET", path: "/orders", level: "loa2" }] },
    });
    const decision = await guard.authorize({ method: "GET", target: "/orders", authorization: `Bearer ${tokens.access_token}` });
    expect(decision.ok).toBe(true);
  });

  it("upstream password only: our TOTP is set up (with the tier's recovery codes) before a level-2 token", async () => {
    const bob = await brokeredUser("bob", "tier-1-operators", "corp", false);
    const tokens = await signIn(await newPage(), client, async (page) => {
      await throughProvider(page, "corp", bob.up, false);
      const secret = await readTotpSecret(page);
      await submitTotpEnrolment(page, totpCode(secret), "phone");
      await readRecoveryCodes(page);
      await confirmRecoveryCodes(page);
    });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
  });

  it("kc_idp_hint goes straight to the provider, and a first sign-in (a new user) is treated the same", async () => {
    const erin = await upstreamUser(upstream, "erin", { totp: true });
    const page = await newPage();
    const tokens = await signIn(page, client, (p) => upstreamSignIn(p, erin, true), { idpHint: "corp", acrValues: "urn:example:loa:2" });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
    const created = await local.admin.users.find({ realm: local.name, username: "erin", exact: true });
    expect(created).toHaveLength(1);
    const links = await local.admin.users.listFederatedIdentities({ realm: local.name, id: created[0]!.id! });
    expect(links.map((l) => l.identityProvider)).toEqual(["corp"]);
  });

  it("an upstream sign-in older than the provider's maxAge does not count: the provider's SSO answers, our factor is asked", async () => {
    const fay = await brokeredUser("fay", "tier-1-operators", "corp-fresh", true);
    const context: BrowserContext = await browser.newContext();
    const first = await signIn(await context.newPage(), client, (page) => throughProvider(page, "corp-fresh", fay.up, true));
    expect(first.claims()?.acr).toBe("urn:example:loa:2");
    // Our session ends; the upstream one stays and answers without asking anything.
    await context.clearCookies({ path: new RegExp(`^/realms/${local.name}/`) });
    await new Promise((r) => setTimeout(r, 9_000));
    const outcome = await stopsAt(await context.newPage(), client, "login-config-totp.ftl", async (page) => {
      await waitForPage(page, "login-username.ftl");
      await page.click("#social-corp-fresh");
    });
    expect(outcome).toBe("stopped at login-config-totp.ftl");
  });
});

describe("what providers are asked for", () => {
  /** The upstream authorization requests the page makes. */
  const upstreamRequests = (page: Page): URL[] => {
    const seen: URL[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${upstream.issuer}/protocol/openid-connect/auth`)) seen.push(new URL(r.url()));
    });
    return seen;
  };

  it("a provider with a request gets its own acr value for the level the client asks; others never get the client's", async () => {
    const ivan = await brokeredUser("ivan", "tier-3-standard-users", "corp", true);
    const page = await newPage();
    const asked = upstreamRequests(page);
    const tokens = await signIn(page, client, (p) => throughProvider(p, "corp", ivan.up, true), { acrValues: "urn:example:loa:2" });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
    expect(asked.map((u) => u.searchParams.get("acr_values"))).toEqual(["urn:corp:loa:2"]);

    const jack = await brokeredUser("jack", "tier-3-standard-users", "partner", true);
    const other = await newPage();
    const sent = upstreamRequests(other);
    await stopsAt(other, client, "login-config-totp.ftl", (p) => throughProvider(p, "partner", jack.up, true), { acrValues: "urn:example:loa:2" });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.searchParams.has("acr_values")).toBe(false);
  });
});

describe("tiers hold for brokered users", () => {
  it("Tier 0 with upstream MFA: level 2 counted upstream, level 3 (a security key) set up locally before any token", async () => {
    const hana = await brokeredUser("hana", "tier-0-platform-admins", "corp", true);
    const page = await newPage();
    const key = await addVirtualAuthenticator(page);
    const tokens = await signIn(page, client, async (p) => {
      await throughProvider(p, "corp", hana.up, true);
      // Not the TOTP page: level 2 was reached upstream.
      await registerWebAuthn(p, "yubikey");
    });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:3");
    expect(decodeJwt(tokens.access_token).acr).toBe("urn:example:loa:3");
    expect(await key.credentials()).toHaveLength(1);
  });
});

describe("reject and enforce", () => {
  it("reject: upstream MFA done, our own factor is asked all the same", async () => {
    const carl = await brokeredUser("carl", "tier-1-operators", "partner", true);
    const outcome = await stopsAt(await newPage(), client, "login-config-totp.ftl", (page) => throughProvider(page, "partner", carl.up, true));
    expect(outcome).toBe("stopped at login-config-totp.ftl");
  });

  it("enforce: no upstream MFA is refused with our page and no token; upstream MFA reaches level 2", async () => {
    const dan = await brokeredUser("dan", "tier-1-operators", "strict", false);
    const page = await newPage();
    let refusal: string | undefined;
    const outcome = await signIn(page, client, async (p) => {
      await throughProvider(p, "strict", dan.up, false);
      refusal = await pageMessage(p);
      throw new Error("refused");
    }).then(() => "token", (e: Error) => e.message);
    expect(outcome).toBe("refused");
    expect(refusal).toMatch(/stronger sign-in than your organisation's sign-in service reported/);
    await page.getByText(refusal!).waitFor({ state: "visible", timeout: 10_000 });

    const eve = await brokeredUser("eve", "tier-1-operators", "strict", true);
    const tokens = await signIn(await newPage(), client, (p) => throughProvider(p, "strict", eve.up, true));
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
  });
});

describe("later in the same session", () => {
  it("step-up within the upstream level's freshness asks nothing; prompt=login offers the provider, not a password", async () => {
    const gus = await brokeredUser("gus", "tier-3-standard-users", "corp", true);
    const context = await browser.newContext();
    const first = await signIn(await context.newPage(), client, (page) => throughProvider(page, "corp", gus.up, true));
    expect(first.claims()?.acr).toBe("urn:example:loa:1");
    // Level 2 was reached upstream a moment ago: SSO carries it.
    const stepUp = await signIn(await context.newPage(), client, async () => {}, { acrValues: "urn:example:loa:2" });
    expect(stepUp.claims()?.acr).toBe("urn:example:loa:2");

    // A fresh sign-in: our first page again, with the provider to continue with and no password asked.
    const again = await signIn(await context.newPage(), client, async (page) => {
      // Keycloak shows a re-authenticating user linked to a provider the first page, with the provider.
      await waitForPage(page, "login-username.ftl");
      expect(await page.locator("#social-corp").isVisible()).toBe(true);
      await page.click("#social-corp");
      await page.waitForSelector("#password");
      await page.fill("#password", gus.up.password);
      await page.click("#kc-login");
      await page.waitForSelector("#otp");
      await page.fill("#otp", upstreamTotp(gus.up, 1));
      await page.click("#kc-login");
    }, { acrValues: "urn:example:loa:2", prompt: "login" });
    expect(again.claims()?.acr).toBe("urn:example:loa:2");
    expect(Number(again.claims()?.auth_time)).toBeGreaterThanOrEqual(Number(first.claims()?.auth_time));
  });
});
