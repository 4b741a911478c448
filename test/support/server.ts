// What the global setup started, as seen from a test worker (passed through the environment,
// which jest copies from the main process to its workers).
import type { AdminCredentials } from "../../scripts/keycloak/launcher.js";

export interface TestServer {
  readonly baseUrl: string;
  /** The server's address as the server itself reaches it (back-channel calls between realms). */
  readonly selfUrl: string;
  readonly admin: AdminCredentials;
}

export const ENV_URL = "KC_TEST_URL";
export const ENV_SELF_URL = "KC_TEST_SELF_URL";
export const ENV_ADMIN_USER = "KC_TEST_ADMIN_USERNAME";
export const ENV_ADMIN_PASSWORD = "KC_TEST_ADMIN_PASSWORD";

export function testServer(): TestServer {
  const baseUrl = process.env[ENV_URL];
  const username = process.env[ENV_ADMIN_USER];
  const password = process.env[ENV_ADMIN_PASSWORD];
  if (!baseUrl || !username || !password) {
    throw new Error("no test Keycloak: run this file through jest's keycloak project (its global setup starts one)");
  }
  return { baseUrl, selfUrl: process.env[ENV_SELF_URL] ?? baseUrl, admin: { username, password } };
}
