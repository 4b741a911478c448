// The guard against real Keycloak tokens from a realm provisioned from a policy: a level-1 token is
// challenged on a level-2 route, the user steps up (enrolling TOTP on the way) with the challenge's
// acr_values, and the same call then succeeds; an authentication older than a route's maxAge is
// challenged with max_age, and a re-authentication asked for with it is accepted.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { generateSync } from "otplib";
import type { Page } from "playwright-core";
import { expressGuard } from "../../guard/adapters/express.js";
import { createGuard, type GuardPolicy } from "../../guard/index.js";
import { stepUpChallenge } from "../../guard/browser/index.js";
import { applyPolicy } from "../../provisioning/converge.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, type TestClient } from "../support/oidc.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser, type TestUser } from "../support/users.js";

const MAX_AGE = 5;
const POLICY = `
version: 1
levels:
  - name: loa1
    acr: ["urn:example:loa:1"]
    factors: [password]
    maxAge: 10h
  - name: loa2
    acr: ["urn:example:loa:2"]
    factors: [totp]
    maxAge: 1h
factors:
  password: {}
  totp: {}
tiers:
  - tier: 3
    name: everyone
    group: everyone
    level: loa1
api:
  audience: orders-api
  routes:
    - route: "GET /api/orders"
      level: loa1
    - route: "POST /api/orders/{id}/refund"
      level: loa2
    - route: "GET /api/account/security"
      maxAge: ${MAX_AGE}
`;

const checked = checkPolicy("guard-policy.yaml", POLICY);
if (!checked.ok) throw new Error(checked.issues.map((i) => `${i.line}: ${i.message}`).join("\n"));
const policy = checked.policy;
// The compiled policy has what the guard needs under the names it expects.
const guardPolicy: GuardPolicy = { levels: policy.levels, audience: policy.api!.audience, routes: policy.api!.routes };

const realm = useFreshRealm("guard");
const browser = useBrowser();

let api: Server;
let apiUrl: string;
let client: TestClient;

beforeAll(async () => {
  await applyPolicy(realm.admin, policy, realm.name);
  client = await createTestClient(realm, "orders-spa");
  // Keycloak puts a resource server in `aud` only through an audience mapper.
  const [rep] = await realm.admin.clients.find({ clientId: client.clientId });
  await realm.admin.clients.addProtocolMapper(
    { id: rep!.id! },
    {
      name: "orders-api audience",
      protocol: "openid-connect",
      protocolMapper: "oidc-audience-mapper",
      config: { "included.custom.audience": guardPolicy.audience, "access.token.claim": "true", "id.token.claim": "false" },
    },
  );
  const app = express();
  app.use(expressGuard(createGuard({ policy: guardPolicy, issuer: realm.issuer })));
  app.all("/{*rest}", (_req, res) => {
    res.json({ done: true, acr: res.locals.auth?.claims?.acr });
  });
  api = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => api.once("listening", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => api?.close(resolve));
});

const call = (method: string, path: string, token: string) => fetch(`${apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

const claimsOf = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

const enterPassword = (user: TestUser) => async (page: Page) => {
  await page.fill("#username", user.username);
  await page.click("#kc-login");
  await page.fill("#password", user.password);
  await page.click("#kc-login");
};

describe("the guard with tokens from a provisioned realm", () => {
  it("challenges a level-1 token on a level-2 route, and lets the same call through after step-up", async () => {
    const user = await createUser(realm, "dana");
    const page = await (await browser.newContext()).newPage();
    const first = await signIn(page, client, enterPassword(user));
    expect(claimsOf(first.access_token)).toMatchObject({ acr: "urn:example:loa:1", typ: "Bearer", aud: expect.arrayContaining(["orders-api"]) });
    expect((await call("GET", "/api/orders", first.access_token)).status).toBe(200);

    const refused = await call("POST", "/api/orders/7/refund", first.access_token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer error="insufficient_user_authentication", .*acr_values="urn:example:loa:2"/);
    expect(await refused.clone().json()).toMatchObject({ error: "mfa_required", required: { level: "loa2", acr_values: "urn:example:loa:2" } });
    const challenge = await stepUpChallenge(refused);
    expect(challenge?.acr_values).toBe("urn:example:loa:2");

    // Same browser, so Keycloak's session cookie stands for level 1; level 2 asks for TOTP, which
    // this user has yet to set up.
    const stepped = await signIn(
      page,
      client,
      async (p) => {
        await p.click("#mode-manual");
        const secret = (await p.locator("#kc-totp-secret-key").innerText()).replace(/\s+/g, "");
        await p.fill("#totp", generateSync({ secret }));
        await p.fill("#userLabel", "phone");
        await p.click("#saveTOTPBtn");
      },
      { acrValues: challenge!.acr_values! },
    );
    expect(claimsOf(stepped.access_token).acr).toBe("urn:example:loa:2");
    const allowed = await call("POST", "/api/orders/7/refund", stepped.access_token);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ done: true, acr: "urn:example:loa:2" });
  });

  it("challenges an authentication older than the route's maxAge with max_age, and accepts a fresh one", async () => {
    const other = await createUser(realm, "erin");
    const own = await (await browser.newContext()).newPage();
    const current = await signIn(own, client, enterPassword(other));
    const authTime = claimsOf(current.access_token).auth_time as number;
    expect(typeof authTime).toBe("number");
    // Wait until the authentication is certainly older than the route allows, on Keycloak's clock.
    const waitMs = (authTime + MAX_AGE + 1) * 1000 - Date.now();
    if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));

    const stale = await call("GET", "/api/account/security", current.access_token);
    expect(stale.status).toBe(401);
    expect(stale.headers.get("www-authenticate")).toMatch(new RegExp(`^Bearer error="insufficient_user_authentication", .*max_age="${MAX_AGE}"`));
    const challenge = await stepUpChallenge(stale);
    expect(challenge).toMatchObject({ max_age: MAX_AGE });
    expect(challenge?.acr_values).toBeUndefined();

    // max_age makes Keycloak ask for the password again, despite the session.
    const fresh = await signIn(
      own,
      client,
      async (p) => {
        await p.fill("#password", other.password);
        await p.click("#kc-login");
      },
      { maxAge: challenge!.max_age! },
    );
    expect(claimsOf(fresh.access_token).auth_time as number).toBeGreaterThan(authTime);
    expect((await call("GET", "/api/account/security", fresh.access_token)).status).toBe(200);
  });
});
