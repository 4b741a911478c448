// Trusting a SAML upstream: the same post-login ladder as for OIDC providers, with the upstream's
// word read from the SAML assertion's AuthnStatement (AuthnContextClassRef counts as acr,
// AuthnInstant as auth_time). The upstream is a second realm on the same Keycloak acting as a SAML
// IdP (password + TOTP for its MFA users); the local realm, provisioned by our apply, brokers to it
// through SAML providers trusted "accept" and "reject".
import { decodeJwt } from "jose";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { signIn, stopsAt, type TestClient } from "../support/oidc.js";
import { waitForPage } from "../support/pages.js";
import { examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { addSamlIdentityProvider, linkSamlUser, provisionUpstream, upstreamSignIn, upstreamUser, type UpstreamUser } from "../support/upstream.js";

const local = useFreshRealm("broker-saml");
const upstream = useFreshRealm("broker-saml-up");
const browser = useBrowser();

/**
 * What Keycloak 26.7 as a SAML IdP puts in its AuthnStatement: SamlProtocol.authenticated builds the
 * response with authMethod(AC_UNSPECIFIED), and SAML2LoginResponseBuilder stamps AuthnInstant with
 * the time it builds the response (every answer, an SSO one too), not the time the user signed in.
 * Only for a SAML client with an "ACR to LoA mapping" (client attribute acr.loa.map, URI keys) does
 * the default AuthnContextClassRef client scope's saml-authn-context-class-ref-mapper (feature
 * step-up-authentication-saml, on by default) name the level reached instead.
 */
const UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
const UPSTREAM_ACR_MAP = JSON.stringify({ "urn:corp:loa:1": 1, "urn:corp:loa:2": 2 });

// corp-saml: Keycloak as a SAML IdP does not express levels in the class ref (its clients have no ACR
// mapping by default), so "unspecified" is mapped to loa2 here to prove the plumbing (assertion ->
// brokered context -> our post-login step -> level, token and event), not as a sound policy.
// corp-saml-loa: the upstream's client maps its levels to class refs; only its level 2 counts.
const IDENTITY_PROVIDERS = `
identityProviders:
  corp-saml:
    trust: accept
    levels:
      loa2: { acr: ["${UNSPECIFIED}"] }
  corp-saml-loa:
    trust: accept
    levels:
      loa2: { acr: ["urn:corp:loa:2"] }
  partner-saml:
    trust: reject
`;
const policy = examplePolicy((text) => `${text}\n${IDENTITY_PROVIDERS}`);
let client: TestClient;

// Two realms provisioned by apply, three providers: on a busy server this takes longer than jest's 120 s.
beforeAll(async () => {
  await provisionUpstream(upstream);
  for (const alias of ["corp-saml", "partner-saml"]) await addSamlIdentityProvider(local, upstream, alias);
  await addSamlIdentityProvider(local, upstream, "corp-saml-loa", {}, { "acr.loa.map": UPSTREAM_ACR_MAP });
  await provision(local, policy);
  client = await policyClient(local, "self-service");
}, 600_000);

/** A local user of the tier group, linked to a fresh upstream account through the provider. */
async function brokeredUser(name: string, group: string, alias: string, totp = true): Promise<{ id: string; up: UpstreamUser }> {
  const up = await upstreamUser(upstream, name, { totp });
  const user = await tierUser(local, name, group);
  await linkSamlUser(local, user.id, alias, up);
  return { id: user.id, up };
}

/** Our first page, the provider's button, then the upstream realm's sign-in (password, and TOTP if the user has it). */
async function throughProvider(page: Page, alias: string, up: UpstreamUser): Promise<void> {
  await waitForPage(page, "login-username.ftl");
  await page.click(`#social-${alias}`);
  await upstreamSignIn(page, up, up.totpKey !== undefined);
}

/** The details of our post-login step on the user's last IDENTITY_PROVIDER_POST_LOGIN event. */
async function upstreamDetails(userId: string): Promise<Record<string, string> | undefined> {
  const events = await local.admin.realms.findEvents({ realm: local.name, type: "IDENTITY_PROVIDER_POST_LOGIN", user: userId } as never);
  return events.map((e) => (e.details ?? {}) as Record<string, string>).find((d) => d.kca_upstream_idp);
}

const newPage = async (): Promise<Page> => (await (await browser.newContext()).newPage());
const now = (): number => Math.floor(Date.now() / 1000);

describe("a SAML provider's AuthnStatement", () => {
  it("accept, class ref mapped: a Tier 1 user gets a level-2 token with no local factor; the event names the class ref", async () => {
    const alice = await brokeredUser("alice", "tier-1-operators", "corp-saml");
    const tokens = await signIn(await newPage(), client, (page) => throughProvider(page, "corp-saml", alice.up));
    const id = tokens.claims()!;
    expect(id.acr).toBe("urn:example:loa:2");
    expect(decodeJwt(tokens.access_token).acr).toBe("urn:example:loa:2");
    // SAML has no amr: no upstream method, and no local one either.
    expect(id.amr ?? []).not.toContain("otp");

    const details = await upstreamDetails(alice.id);
    expect(details).toMatchObject({ kca_upstream_idp: "corp-saml", kca_upstream_acr: UNSPECIFIED, kca_upstream_level: "2", kca_upstream_trust: "accept" });
    // AuthnInstant, read as auth_time: the moment the upstream answered; the token's auth_time is the same.
    const authnInstant = Number(details?.kca_upstream_auth_time);
    expect(Math.abs(authnInstant - now())).toBeLessThan(60);
    expect(id.auth_time).toBe(authnInstant);
  });

  it("reject: upstream MFA done, the same kind of user is taken to our TOTP set-up", async () => {
    const carl = await brokeredUser("carl", "tier-1-operators", "partner-saml");
    const outcome = await stopsAt(await newPage(), client, "login-config-totp.ftl", (page) => throughProvider(page, "partner-saml", carl.up));
    expect(outcome).toBe("stopped at login-config-totp.ftl");
  });

  it("a first sign-in through SAML creates the user, linked to the provider, with the upstream's name and email", async () => {
    const erin = await upstreamUser(upstream, "erin", { totp: true });
    const tokens = await signIn(await newPage(), client, (page) => throughProvider(page, "corp-saml", erin), { acrValues: "urn:example:loa:2" });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
    const created = await local.admin.users.find({ realm: local.name, username: "erin", exact: true });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ email: "erin@corp.example.test", firstName: "Upstream", lastName: "erin" });
    const links = await local.admin.users.listFederatedIdentities({ realm: local.name, id: created[0]!.id! });
    expect(links.map((l) => [l.identityProvider, l.userName])).toEqual([["corp-saml", "erin"]]);
  });

  it("a class ref the upstream's client maps from its level: its level 2 counts, its level 1 does not (our TOTP set-up)", async () => {
    const dora = await brokeredUser("dora", "tier-1-operators", "corp-saml-loa");
    const tokens = await signIn(await newPage(), client, (page) => throughProvider(page, "corp-saml-loa", dora.up));
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
    expect(await upstreamDetails(dora.id)).toMatchObject({ kca_upstream_idp: "corp-saml-loa", kca_upstream_acr: "urn:corp:loa:2", kca_upstream_level: "2" });

    const pete = await brokeredUser("pete", "tier-1-operators", "corp-saml-loa", false);
    const outcome = await stopsAt(await newPage(), client, "login-config-totp.ftl", (page) => throughProvider(page, "corp-saml-loa", pete.up));
    expect(outcome).toBe("stopped at login-config-totp.ftl");
  });

  it("Keycloak's AuthnInstant is the time of the answer: an upstream SSO answer reads as a fresh sign-in", async () => {
    const gil = await brokeredUser("gil", "tier-1-operators", "corp-saml");
    const context = await browser.newContext();
    const first = await signIn(await context.newPage(), client, (page) => throughProvider(page, "corp-saml", gil.up));
    const signedIn = Number(first.claims()?.auth_time);
    // Our session ends; the upstream one stays and answers without asking anything.
    await context.clearCookies({ path: new RegExp(`^/realms/${local.name}/`) });
    await new Promise((r) => setTimeout(r, 5_000));
    const again = await signIn(await context.newPage(), client, async (page) => {
      await waitForPage(page, "login-username.ftl");
      await page.click("#social-corp-saml");
    });
    expect(Number(again.claims()?.auth_time)).toBeGreaterThanOrEqual(signedIn + 5);
  });
});
