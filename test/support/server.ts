// What the global setup started, as seen from a test worker (passed through the environment,
// which jest copies from the main process to its workers).
import type { AdminCredentials } from "../../scripts/keycloak/launcher.js";

export interface TestServer {
  readonly baseUrl: string;
  /** The server's address as the server itself reaches it (back-channel calls between realms). */
  readonly selfUrl: string;
  /** This machine's address as the server reaches it (servers a test runs, e.g. test/support/smtp.ts). */
  readonly hostFromServer: string;
  readonly admin: AdminCredentials;
}

export const ENV_URL = "KC_TEST_URL";
export const ENV_SELF_URL = "KC_TEST_SELF_URL";
// Also the variable a user sets for a server at KEYCLOAK_URL (see the launcher): the session copies its result back.
export const ENV_HOST_FROM_SERVER = "KC_TEST_HOST_FROM_SERVER";
export const ENV_ADMIN_USER = "KC_TEST_ADMIN_USERNAME";
export const ENV_ADMIN_PASSWORD = "KC_TEST_ADMIN_PASSWORD";

export function testServer(): TestServer {
  const baseUrl = process.env[ENV_URL];
  const username = process.env[ENV_ADMIN_USER];
  const password = process.env[ENV_ADMIN_PASSWORD];
  if (!baseUrl || !username || !password) {
    throw new Error("no test Keycloak: run this file through jest's keycloak project (its global setup starts one)");
  }
  return {
    baseUrl,
    selfUrl: process.env[ENV_SELF_URL] ?? baseUrl,
    hostFromServer: process.env[ENV_HOST_FROM_SERVER] || "localhost",
    admin: { username, password },
  };
}
