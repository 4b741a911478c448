// Our flows on Keycloak's production shape: PostgreSQL and two nodes clustered by Keycloak itself,
// behind a balancer the test steers. Each test names the node that answers each part of a sign-in;
// the balancer's log shows that it did. The crash test comes last: node A stays dead after it.
import { decodeJwt, type JWTPayload } from "jose";
import type { Page } from "playwright-core";
import { signInOverHttp, type Answers } from "../../bench/signin/http-sign-in.js";
import { giveTotpApps } from "../../provisioning/admin/users.js";
import { REDIRECT_URI } from "../../provisioning/browser/oidc.js";
import { totpCode } from "../../provisioning/browser/pages.js";
import { answerSteps, SET_UP_PAGES, type Enrolled } from "../../provisioning/browser/steps.js";
import { applyPolicy } from "../../provisioning/converge.js";
import type { ClusterNode } from "../../scripts/keycloak/cluster.js";
import { useBrowser } from "../support/browser.js";
import { useCluster } from "../support/cluster.js";
import { signIn, type AuthorizationRequest, type TestClient } from "../support/oidc.js";
import { waitForPage } from "../support/pages.js";
import { examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import type { TestUser } from "../support/users.js";

const cluster = useCluster("cluster");
const browser = useBrowser();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Where the requests made while `act` ran went: the set of node URLs. */
async function nodesServing(act: () => Promise<unknown>): Promise<Set<string>> {
  const from = cluster.balancer.served.length;
  await act();
  return new Set(cluster.balancer.served.slice(from).map((r) => r.node));
}

/** A whole sign-in answered by answerSteps; returns the token response and the pages seen. */
async function signInAll(page: Page, client: TestClient, user: TestUser, enrolled: Enrolled, periodsAhead = 0, request: AuthorizationRequest = {}) {
  const seen: string[] = [];
  const tokens = await signIn(page, client, (p) => answerSteps(p, enrolled, seen, periodsAhead, user), request);
  return { tokens, seen };
}

describe("a Keycloak cluster of two nodes on PostgreSQL", () => {
  beforeAll(() => provision(cluster.realm), 300_000);

  it("enforces a policy applied through node A at once for sign-ins on node B", async () => {
    const user = await tierUser(cluster.realm, "pia", "tier-2-project-owners");
    const client = await policyClient(cluster.realm, "self-service");
    cluster.balancer.routeTo(cluster.b.baseUrl);
    // Node B has now read the realm, its flow and the client into its caches.
    const before = await signInAll(await (await browser.newContext()).newPage(), client, user, {});
    expect(before.seen).not.toContain("login-config-totp.ftl");

    // Tier 2 now waits for its TOTP before any token: a new flow, bound through node A.
    const stricter = examplePolicy((t) => t.replace("require: [totp]\n    blockUntilEnrolled: false", "require: [totp]\n    blockUntilEnrolled: true"));
    await applyPolicy(cluster.realm.admin, stricter, cluster.realm.name);

    // No wait, no retry: node B must drop what it cached when node A wrote.
    const enrolled: Enrolled = {};
    let after: Awaited<ReturnType<typeof signInAll>> | undefined;
    const served = await nodesServing(async () => {
      after = await signInAll(await (await browser.newContext()).newPage(), client, user, enrolled);
    });
    expect(served).toEqual(new Set([cluster.b.baseUrl]));
    expect(after!.seen).toContain("login-config-totp.ftl");
    expect(after!.tokens.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);
  });

  it("finishes on node B a sign-in begun on node A", async () => {
    const user = await tierUser(cluster.realm, "bea", "tier-3-standard-users");
    const client = await policyClient(cluster.realm, "admin-portal");
    const page = await (await browser.newContext()).newPage();
    cluster.balancer.routeTo(cluster.a.baseUrl);
    const seen: string[] = [];
    let onB = new Set<string>();
    const tokens = await signIn(page, client, async (p) => {
      await waitForPage(p, "login-username.ftl");
      await p.fill("#username", user.username);
      await p.click("#kc-login");
      await waitForPage(p, "login-password.ftl");
      // The password page came from node A; from here on only node B answers.
      cluster.balancer.routeTo(cluster.b.baseUrl);
      onB = await nodesServing(() => answerSteps(p, {}, seen, 0, user));
    });
    expect(seen).toContain("login-config-totp.ftl");
    expect(onB).toEqual(new Set([cluster.b.baseUrl]));
    expect(tokens.claims()?.sub).toBe(user.id);
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
  });

  it("honours on node B the step-up level reached on node A within its freshness, and asks its factor again after", async () => {
    // Level 2 lasts 20 s here instead of the example's hour, so the test can outlive it.
    await applyPolicy(cluster.realm.admin, examplePolicy((t) => t.replace("    maxAge: 1h\n", "    maxAge: 20s\n")), cluster.realm.name);
    const user = await tierUser(cluster.realm, "cyd", "tier-3-standard-users");
    const client = await policyClient(cluster.realm, "self-service");
    const page = await (await browser.newContext()).newPage();
    const level2: AuthorizationRequest = { acrValues: "urn:example:loa:2" };
    const enrolled: Enrolled = {};
    cluster.balancer.routeTo(cluster.a.baseUrl);
    const first = await signInAll(page, client, user, enrolled, 0, level2);
    const reached = Date.now();
    expect(first.tokens.claims()?.acr).toBe("urn:example:loa:2");

    cluster.balancer.routeTo(cluster.b.baseUrl);
    let again: Awaited<ReturnType<typeof signIn>> | undefined;
    // The user does nothing: only an SSO answer from node B at level 2 can complete this sign-in.
    const served = await nodesServing(async () => {
      again = await signIn(page, client, async () => {}, level2);
    });
    expect(Date.now() - reached).toBeLessThan(20_000);
    expect(served).toEqual(new Set([cluster.b.baseUrl]));
    expect(again!.claims()?.acr).toBe("urn:example:loa:2");
    expect(again!.claims()?.sid).toBe(first.tokens.claims()?.sid);

    // Past level 2's freshness node B asks for its factor again, and only that one: it reads the
    // time the level was reached on node A, not a copy of its own.
    await sleep(Math.max(0, reached + 21_000 - Date.now()));
    const stale = await signInAll(page, client, user, enrolled, 1, level2);
    expect(stale.seen).toEqual(["login-otp.ftl"]);
    expect(stale.tokens.claims()?.acr).toBe("urn:example:loa:2");
    expect(stale.tokens.claims()?.sid).toBe(first.tokens.claims()?.sid);
  });

  it("loses no sign-in and lets none through below the client's level while flows are swapped under sign-ins on both nodes", async () => {
    // Codes may be used again here: each user signs in many times a period.
    const variant = (maxAge: string) => examplePolicy((t) => t.replace("codeReuse: false", "codeReuse: true").replace("maxAge: 10h", `maxAge: ${maxAge}`));
    await applyPolicy(cluster.realm.admin, variant("10h"), cluster.realm.name);
    const users: Answers[] = await Promise.all(["e", "f"].map(async (n) => {
      const user = await tierUser(cluster.realm, `swap-${n}`, "tier-3-standard-users");
      const [app] = await giveTotpApps(cluster.realm.admin, cluster.realm.name, user.id, ["Phone"]);
      return { username: user.username, password: user.password, otp: () => totpCode(app!.shown) };
    }));

    interface Outcome { node: string; began: number; ended: number; claims?: JWTPayload; error?: string }
    const outcomes: Outcome[] = [];
    let running = true;
    // One worker per node signs in to admin-portal (level 2 at least) over HTTP, again and again.
    const worker = async (node: ClusterNode, user: Answers) => {
      const target = { baseUrl: node.baseUrl, realm: cluster.realm.name, clientId: "admin-portal", redirectUri: REDIRECT_URI };
      while (running) {
        const began = Date.now();
        try {
          const done = await signInOverHttp(target, user);
          outcomes.push({ node: node.name, began, ended: Date.now(), claims: decodeJwt(done.tokens.id_token) });
        } catch (err) {
          outcomes.push({ node: node.name, began, ended: Date.now(), error: (err as Error).message });
        }
      }
    };
    const workers = [worker(cluster.a, users[0]!), worker(cluster.b, users[1]!)];
    const swaps: { began: number; ended: number; flow: string }[] = [];
    try {
      await sleep(2_000);
      for (const maxAge of ["9h", "8h"]) {
        const began = Date.now();
        const { boundFlow } = await applyPolicy(cluster.realm.admin, variant(maxAge), cluster.realm.name);
        swaps.push({ began, ended: Date.now(), flow: boundFlow });
      }
      await sleep(2_000);
    } finally {
      running = false;
      await Promise.all(workers);
    }

    expect(new Set(swaps.map((s) => s.flow)).size).toBe(2);
    expect(outcomes.filter((o) => o.error)).toEqual([]);
    const belowLevel = outcomes.filter((o) => o.claims?.acr !== "urn:example:loa:2" || !(o.claims?.amr as string[] | undefined)?.includes("otp"));
    expect(belowLevel).toEqual([]);
    // Sign-ins were under way on both nodes while each swap was applied.
    for (const swap of swaps) {
      const during = outcomes.filter((o) => o.began < swap.ended && o.ended > swap.began);
      expect(new Set(during.map((o) => o.node))).toEqual(new Set(["a", "b"]));
    }
  });

  it("lets a user caught by node A's crash sign in on node B, losing only the page they were on", async () => {
    const user = await tierUser(cluster.realm, "dan", "tier-3-standard-users");
    const client = await policyClient(cluster.realm, "admin-portal");
    const enrolled: Enrolled = {};
    cluster.balancer.routeTo(cluster.a.baseUrl);
    await signInAll(await (await browser.newContext()).newPage(), client, user, enrolled);

    // A second sign-in, in a new browser, reaches the code page on node A; then node A dies and
    // the balancer sends the user to node B.
    const page = await (await browser.newContext()).newPage();
    const afterCrash: string[] = [];
    let onB = new Set<string>();
    const tokens = await signIn(page, client, async (p) => {
      await answerSteps(p, enrolled, [], 1, user, async (_, id) => {
        if (id !== "login-otp.ftl") return;
        await cluster.a.kill();
        cluster.balancer.routeTo(cluster.b.baseUrl);
        throw new Error("crashed");
      }).catch((err: Error) => {
        if (err.message !== "crashed") throw err;
      });
      onB = await nodesServing(() => answerSteps(p, enrolled, afterCrash, 1, user));
    });
    expect(onB).toEqual(new Set([cluster.b.baseUrl]));
    expect(afterCrash.filter((id) => SET_UP_PAGES.includes(id))).toEqual([]);
    expect(tokens.claims()?.sub).toBe(user.id);
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
    const onNodeB = await cluster.adminOn(cluster.b);
    const credentials = await onNodeB.users.getCredentials({ realm: cluster.realm.name, id: user.id });
    expect(credentials.map((c) => c.type).sort()).toEqual(["otp", "password"]);
  });
});
