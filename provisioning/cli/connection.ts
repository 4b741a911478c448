// Admin connection from flags and environment. Secrets come only from the environment, never from
// flags (which other users see in the process list), and are never printed.
import type { Command } from "commander";
import type { AdminClient, AdminLogin } from "../admin/connect.js";

export interface ConnectionOptions {
  url?: string;
  authRealm?: string;
  user?: string;
  clientId?: string;
}

export class UsageError extends Error {}

/** Where a command writes and what environment it reads: the process's, or a test's. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/**
 * The flags that say where and as whom to log in. `userFlag` names the admin user's flag: `--user`,
 * except for commands where --user names the user acted on (audit), which pass `--admin`.
 */
export function loginOptions(cmd: Command, userFlag: "--user" | "--admin" = "--user"): Command {
  return cmd
    .option("--url <url>", "Keycloak base URL (env KEYCLOAK_URL)")
    .option("--auth-realm <realm>", "realm to log in to (env KEYCLOAK_AUTH_REALM, default master)")
    .option(`${userFlag} <name>`, "admin user; password from env KEYCLOAK_ADMIN_PASSWORD (env KEYCLOAK_ADMIN_USERNAME, default admin)")
    .option("--client-id <id>", "service account client instead of a user; secret from env KEYCLOAK_CLIENT_SECRET");
}

export function resolveLogin(opts: ConnectionOptions, env: NodeJS.ProcessEnv): { url: string; login: AdminLogin } {
  const url = opts.url ?? env.KEYCLOAK_URL;
  if (!url) throw new UsageError("no server: pass --url or set KEYCLOAK_URL");
  const realm = opts.authRealm ?? env.KEYCLOAK_AUTH_REALM ?? "master";
  const clientId = opts.clientId ?? env.KEYCLOAK_CLIENT_ID;
  if (clientId) {
    const clientSecret = env.KEYCLOAK_CLIENT_SECRET;
    if (!clientSecret) throw new UsageError(`service account ${clientId}: set KEYCLOAK_CLIENT_SECRET`);
    return { url, login: { kind: "client", clientId, clientSecret, realm } };
  }
  const username = opts.user ?? env.KEYCLOAK_ADMIN_USERNAME ?? "admin";
  const password = env.KEYCLOAK_ADMIN_PASSWORD;
  if (!password) throw new UsageError(`admin ${username}: set KEYCLOAK_ADMIN_PASSWORD (or use --client-id with KEYCLOAK_CLIENT_SECRET)`);
  return { url, login: { kind: "password", username, password, realm } };
}

export async function connect(opts: ConnectionOptions, env: NodeJS.ProcessEnv): Promise<AdminClient> {
  const { url, login } = resolveLogin(opts, env);
  // The admin client is the heaviest module of the CLI: loaded when a command connects, so that
  // --help, --version and validate answer without it.
  const { connectAdmin } = await import("../admin/connect.js");
  return connectAdmin(url.replace(/\/+$/, ""), login);
}
