// A realm provisioned from a policy by our own apply, with its clients pointing at the test
// redirect URI, and the identifier-first sign-in our flows use (username page, then password).
import { readFileSync } from "node:fs";
import * as oidc from "openid-client";
import type { Page } from "playwright-core";
import { applyPolicy } from "../../provisioning/converge.js";
import type { Policy } from "../../provisioning/policy/model.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import { REDIRECT_URI, type TestClient } from "./oidc.js";
import type { FreshRealm } from "./realm.js";
import { createUser, type TestUser } from "./users.js";

/** The example policy, with its clients' redirect URIs replaced by the test one; `edit` changes the text first. */
export function examplePolicy(edit: (text: string) => string = (t) => t): Policy {
  const text = readFileSync(new URL("../../policies/example.yaml", import.meta.url), "utf8").replace(/redirectUris: \[[^\]]*\]/g, `redirectUris: ["${REDIRECT_URI}"]`);
  const r = checkPolicy("example.yaml", edit(text));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.policy;
}

export async function provision(realm: FreshRealm, policy: Policy = examplePolicy()): Promise<void> {
  await applyPolicy(realm.admin, policy, realm.name);
}

/** A client the policy created: discovered, ready for signIn(). */
export async function policyClient(realm: FreshRealm, clientId: string): Promise<TestClient> {
  const config = await oidc.discovery(new URL(realm.issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  return { clientId, config };
}

/** A user in the given tier group of the example policy. */
export async function tierUser(realm: FreshRealm, username: string, group: string): Promise<TestUser> {
  const user = await createUser(realm, username);
  const g = (await realm.admin.groups.find({ search: group, exact: true } as never)).find((x) => x.name === group);
  if (!g?.id) throw new Error(`no group ${group} in realm ${realm.name}`);
  await realm.admin.users.addToGroup({ id: user.id, groupId: g.id });
  return user;
}

/** Username page, then password page. */
export async function enterUsernameAndPassword(page: Page, user: TestUser): Promise<void> {
  await page.waitForSelector("#username");
  await page.fill("#username", user.username);
  await page.click("#kc-login");
  await page.waitForSelector("#password");
  await page.fill("#password", user.password);
  await page.click("#kc-login");
}
