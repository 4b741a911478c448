// Our flows on Keycloak's production shape: PostgreSQL and two nodes clustered by Keycloak itself,
// behind a balancer the test steers. Each test names the node that answers each part of a sign-in;
// the balancer's log shows that it did. The crash test comes last: node A stays dead after it.
import type { Page } from "playwright-core";
import { answerSteps, SET_UP_PAGES, type Enrolled } from "../../provisioning/browser/steps.js";
import { applyPolicy } from "../../provisioning/converge.js";
import { useBrowser } from "../support/browser.js";
import { useCluster } from "../support/cluster.js";
import { signIn, type AuthorizationRequest, type TestClient } from "../support/oidc.js";
import { waitForPage } from "../support/pages.js";
import { examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import type { TestUser } from "../support/users.js";

const cluster = useCluster("cluster");
const browser = useBrowser();

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

  it("honours on node B the step-up level reached on node A, within its freshness", async () => {
    const user = await tierUser(cluster.realm, "cyd", "tier-3-standard-users");
    const client = await policyClient(cluster.realm, "self-service");
    const page = await (await browser.newContext()).newPage();
    const level2: AuthorizationRequest = { acrValues: "urn:example:loa:2" };
    cluster.balancer.routeTo(cluster.a.baseUrl);
    const first = await signInAll(page, client, user, {}, 0, level2);
    expect(first.tokens.claims()?.acr).toBe("urn:example:loa:2");

    cluster.balancer.routeTo(cluster.b.baseUrl);
    let again: Awaited<ReturnType<typeof signIn>> | undefined;
    // The user does nothing: only an SSO answer from node B at level 2 can complete this sign-in.
    const served = await nodesServing(async () => {
      again = await signIn(page, client, async () => {}, level2);
    });
    expect(served).toEqual(new Set([cluster.b.baseUrl]));
    expect(again!.claims()?.acr).toBe("urn:example:loa:2");
    expect(again!.claims()?.sid).toBe(first.tokens.claims()?.sid);
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
