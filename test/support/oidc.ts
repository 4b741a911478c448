// Test clients: a public client made in the test's realm, signed in to through the shared browser
// relying party (provisioning/browser/oidc.ts).
import { createPublicClient, type TestClient } from "../../provisioning/browser/oidc.js";
import type { FreshRealm } from "./realm.js";

export * from "../../provisioning/browser/oidc.js";

/** Creates a public client (PKCE S256 required) in the realm and discovers the realm's metadata. */
export function createTestClient(realm: FreshRealm, clientId = "test-app", attributes: Record<string, string> = {}): Promise<TestClient> {
  return createPublicClient(realm.admin, realm.name, realm.issuer, clientId, attributes);
}
