// A realm provisioned from a policy by our own apply, with its clients pointing at the test
// redirect URI, and the identifier-first sign-in our flows use (username page, then password).
import { readFileSync } from "node:fs";
import { joinGroup } from "../../provisioning/admin/users.js";
import { applyPolicy } from "../../provisioning/converge.js";
import type { Policy } from "../../provisioning/policy/model.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import { discoverClient, REDIRECT_URI, type TestClient } from "./oidc.js";
import type { FreshRealm } from "./realm.js";
import { createUser, type TestUser } from "./users.js";

export { enterUsernameAndPassword } from "../../provisioning/browser/pages.js";

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
export function policyClient(realm: FreshRealm, clientId: string): Promise<TestClient> {
  return discoverClient(realm.issuer, clientId);
}

/** A user in the given tier group of the example policy. */
export async function tierUser(realm: FreshRealm, username: string, group: string): Promise<TestUser> {
  const user = await createUser(realm, username);
  await joinGroup(realm.admin, realm.name, user.id, group);
  return user;
}
