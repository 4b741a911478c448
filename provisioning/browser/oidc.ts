// A relying party driven through a real browser: authorization code with PKCE through
// openid-client, the browser doing the user's part. The redirect never leaves the browser: it is
// intercepted, so no server listens for it. Shared by the tests and `kc-assurance verify`.
import * as oidc from "openid-client";
import type { Page } from "playwright-core";
import type { AdminClient } from "../admin/connect.js";
import { currentPageId, waitForPage } from "./pages.js";

/** The redirect URI of the clients made for sign-ins in a browser (never a real host). */
export const REDIRECT_URI = "https://app.kc-assurance.test/callback";

export interface TestClient {
  readonly clientId: string;
  readonly config: oidc.Configuration;
  /** Where the client's authorization responses go; default REDIRECT_URI. */
  readonly redirectUri?: string;
}

/** Discovers the realm's metadata for a public client (plain HTTP allowed: local servers). */
export async function discoverClient(issuer: string, clientId: string, redirectUri?: string): Promise<TestClient> {
  const config = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  return { clientId, config, ...(redirectUri ? { redirectUri } : {}) };
}

/** Creates a public client (PKCE S256 required) redirecting to REDIRECT_URI, and discovers the realm's metadata. */
export async function createPublicClient(admin: AdminClient, realm: string, issuer: string, clientId: string, attributes: Record<string, string> = {}): Promise<TestClient> {
  await admin.clients.create({
    realm,
    clientId,
    publicClient: true,
    standardFlowEnabled: true,
    directAccessGrantsEnabled: false,
    redirectUris: [REDIRECT_URI],
    attributes: { "pkce.code.challenge.method": "S256", ...attributes },
  });
  return discoverClient(issuer, clientId);
}

export interface AuthorizationRequest {
  acrValues?: string;
  maxAge?: number;
  prompt?: string;
  scope?: string;
  /** Keycloak's application-initiated action, e.g. "delete_credential:<credential id>". */
  kcAction?: string;
  /** Straight to this identity provider (Keycloak's kc_idp_hint). */
  idpHint?: string;
}

/**
 * Sends the page to the authorization endpoint, lets `interact` do the user's part, then redeems
 * the code. Returns the token response (with claims() for the ID token).
 */
export async function signIn(
  page: Page,
  client: TestClient,
  interact: (page: Page) => Promise<void>,
  request: AuthorizationRequest = {},
): Promise<oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers> {
  const redirectUri = client.redirectUri ?? REDIRECT_URI;
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const params: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: request.scope ?? "openid",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  };
  if (request.acrValues !== undefined) params.acr_values = request.acrValues;
  if (request.maxAge !== undefined) params.max_age = String(request.maxAge);
  if (request.prompt !== undefined) params.prompt = request.prompt;
  if (request.kcAction !== undefined) params.kc_action = request.kcAction;
  if (request.idpHint !== undefined) params.kc_idp_hint = request.idpHint;

  let arrived: (url: URL) => void = () => {};
  const callback = new Promise<URL>((resolve) => (arrived = resolve));
  // Registered before navigating: with an SSO session the redirect comes back at once.
  await page.route(`${redirectUri}**`, async (route) => {
    arrived(new URL(route.request().url()));
    await route.fulfill({ status: 200, contentType: "text/plain", body: "signed in" });
  });
  // With an SSO session Keycloak answers the navigation with the redirect itself; the callback
  // promise, not the navigation, says when the sign-in is over.
  await page.goto(oidc.buildAuthorizationUrl(client.config, params).href, { waitUntil: "commit" }).catch(async (err: Error) => {
    if (!(await Promise.race([callback.then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]))) throw err;
  });
  await interact(page);
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    callback,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void page.title().catch(() => "").then((title) => reject(new Error(`no redirect to the client; the browser is at ${page.url()} ("${title}")`)));
      }, 15_000);
    }),
  ]).finally(() => clearTimeout(timer));
  await page.unroute(`${redirectUri}**`);
  return oidc.authorizationCodeGrant(client.config, url, { pkceCodeVerifier: verifier, expectedState: state });
}

/**
 * A sign-in that must stop at one of our pages (an enrolment, a refusal) and issue no token: after
 * `interact`, waits for the page and ends there. Returns "stopped at <page id>", or "token" when
 * the client got a code instead.
 */
export async function stopsAt(page: Page, client: TestClient, pageId: string, interact: (page: Page) => Promise<void>, request: AuthorizationRequest = {}): Promise<string> {
  return signIn(page, client, async (p) => {
    await interact(p);
    await waitForPage(p, pageId);
    throw new Error(`stopped at ${await currentPageId(p)}`);
  }, request).then(() => "token", (e: Error) => e.message);
}

/**
 * RP-initiated logout: ends the Keycloak session the ID token belongs to. Without a
 * post_logout_redirect_uri Keycloak asks nothing and shows its "logged out" page.
 */
export async function signOut(page: Page, client: TestClient, idToken: string): Promise<void> {
  await page.goto(oidc.buildEndSessionUrl(client.config, { id_token_hint: idToken }).href);
}
