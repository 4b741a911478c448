// One authenticated admin client, for the CLI and the tests alike. The client refreshes its own
// token, so long runs outlive the master realm's short access-token lifetime.
import KcAdminClient from "@keycloak/keycloak-admin-client";

export type AdminLogin =
  | { readonly kind: "password"; readonly username: string; readonly password: string; readonly realm?: string }
  | { readonly kind: "client"; readonly clientId: string; readonly clientSecret: string; readonly realm?: string };

export type AdminClient = KcAdminClient;

export async function connectAdmin(baseUrl: string, login: AdminLogin): Promise<AdminClient> {
  // The library refreshes its token at whatever realm setConfig() last named, which fails once the
  // caller works in another realm. A client kept for the login realm alone holds the token.
  const session = new KcAdminClient({ baseUrl, realmName: login.realm ?? "master" });
  try {
    await session.auth(
      login.kind === "password"
        ? { grantType: "password", clientId: "admin-cli", username: login.username, password: login.password }
        : { grantType: "client_credentials", clientId: login.clientId, clientSecret: login.clientSecret },
    );
  } catch (err) {
    // The library's error may carry request details; say only who failed where, and drop the cause.
    const who = login.kind === "password" ? `user ${login.username}` : `client ${login.clientId}`;
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`admin login to ${baseUrl} (realm ${login.realm ?? "master"}) as ${who} failed: ${describeHttpError(err)}`);
  }
  const client = new KcAdminClient({ baseUrl, realmName: login.realm ?? "master" });
  client.registerTokenProvider({ getAccessToken: () => session.getAccessToken() });
  return client;
}

function describeHttpError(err: unknown): string {
  const e = err as { response?: { status?: number }; responseData?: { error?: unknown; error_description?: unknown }; message?: string };
  if (e.response?.status) {
    // OAuth error codes and descriptions are the server's fixed texts, safe to show.
    const code = [e.responseData?.error, e.responseData?.error_description].filter((x) => typeof x === "string");
    return `HTTP ${e.response.status}${code.length ? ` (${code.join(": ")})` : ""}`;
  }
  return e.message?.split("\n")[0] ?? "unknown error";
}
