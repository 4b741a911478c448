// Runs kc-assurance in this process against the test Keycloak, logged in as its bootstrap admin
// through the environment, as a platform team's CI would.
import { run } from "../../provisioning/cli/main.js";
import type { FreshRealm } from "./realm.js";

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(realm: FreshRealm, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let out = "";
  let err = "";
  const { baseUrl, admin } = realm.server;
  const code = await run(args, {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    env: { KEYCLOAK_URL: baseUrl, KEYCLOAK_ADMIN_USERNAME: admin.username, KEYCLOAK_ADMIN_PASSWORD: admin.password, ...env },
  });
  return { code, out, err };
}
