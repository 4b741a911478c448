// Changing the bound flow while a user is half-way through signing in. Keycloak resolves the bound
// flow on every request, so the sign-in continues on the new, complete flow: the user is taken back
// to its first step, without an error page, and finishes there. No half-built flow is ever run.
import { readFileSync } from "node:fs";
import { applyPolicy } from "../../provisioning/converge.js";
import type { Policy } from "../../provisioning/policy/model.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn } from "../support/oidc.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser } from "../support/users.js";

// Stock pages here (no theme line): this test is about flows, not looks.
const text = readFileSync(new URL("../../policies/example.yaml", import.meta.url), "utf8").replace(/^theme: .*\n/m, "");
const policyOf = (t: string): Policy => {
  const r = checkPolicy("policy.yaml", t);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.policy;
};

const realm = useFreshRealm("swap");
const browser = useBrowser();

describe("flow replacement during a sign-in", () => {
  it("takes a sign-in begun on the old flow to the new flow's first step, where it completes", async () => {
    const first = await applyPolicy(realm.admin, policyOf(text), realm.name);
    const user = await createUser(realm, "carol");
    const client = await createTestClient(realm);
    const page = await (await browser.newContext()).newPage();

    let second = first;
    let restartedCleanly = false;
    const tokens = await signIn(page, client, async (p) => {
      await p.fill("#username", user.username);
      await p.click("#kc-login");
      await p.waitForSelector("#password");
      // The user is on the password page of the old flow; the policy changes under them.
      second = await applyPolicy(realm.admin, policyOf(text.replace("maxAge: 10h", "maxAge: 9h")), realm.name);
      await p.fill("#password", user.password);
      await p.click("#kc-login");
      await p.waitForSelector("#username");
      restartedCleanly = (await p.locator("#input-error, .alert-error, .pf-m-danger").count()) === 0;
      await p.fill("#username", user.username);
      await p.click("#kc-login");
      await p.fill("#password", user.password);
      await p.click("#kc-login");
    });

    expect(second.boundFlow).not.toBe(first.boundFlow);
    expect(restartedCleanly).toBe(true);
    expect(tokens.claims()?.sub).toBe(user.id);
    expect(tokens.claims()?.acr).toBe("urn:example:loa:1");
  });
});
