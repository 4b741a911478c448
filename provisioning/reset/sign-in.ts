// An operator's sign-in for the reset commands, the way `gh auth login` or `az login` do it: the
// browser signs in at Keycloak (authorization code with PKCE, RFC 8252 loopback redirect), asking
// for the level the realm's reset policy requires (acr_values) and a recent sign-in (max_age), so
// a step-up is real. The token stays in this process: never printed, never stored.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the provider says an operator signs in with (GET /realms/{realm}/kca-mfa-reset/sign-in). */
export interface SignInRules {
  readonly client: string;
  readonly acr: string;
  readonly maxAge: number;
}

export interface SignInOptions {
  /** Keycloak base URL and realm. */
  readonly url: string;
  readonly realm: string;
  readonly rules: SignInRules;
  /** Shown to the operator: the URL to open (also opened by `open` when given). */
  readonly announce: (url: string) => void;
  readonly open?: (url: string) => void;
  readonly timeoutMs?: number;
}

export class SignInError extends Error {}

const base64url = (b: Buffer) => b.toString("base64url");

/** The authorization request; pure, so its parameters are tested without a browser. */
export function authorizationUrl(url: string, realm: string, rules: SignInRules, redirectUri: string, state: string, verifier: string): string {
  const q = new URLSearchParams({
    client_id: rules.client,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: "openid",
    state,
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    acr_values: rules.acr,
    max_age: String(rules.maxAge),
  });
  return `${url}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/auth?${q}`;
}

/** Signs the operator in and returns an access token of the policy's client. */
export async function signIn(o: SignInOptions): Promise<string> {
  const state = base64url(randomBytes(16));
  const verifier = base64url(randomBytes(32));
  let server: Server | undefined;
  try {
    let redirectUri = "";
    const code = await new Promise<string>((resolve, reject) => {
      server = createServer((req, res) => {
        const u = new URL(req.url ?? "/", "http://127.0.0.1");
        if (u.pathname !== "/callback") {
          res.writeHead(404).end();
          return;
        }
        const error = u.searchParams.get("error");
        const ok = !error && u.searchParams.get("state") === state && u.searchParams.get("code");
        res.writeHead(ok ? 200 : 400, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(`<!doctype html><title>kc-assurance</title><p>${ok ? "Signed in. You can close this tab and return to the terminal." : "Sign-in failed; see the terminal."}</p>`);
        if (error) reject(new SignInError(`the sign-in was refused: ${error}${u.searchParams.get("error_description") ? ` (${u.searchParams.get("error_description")})` : ""}`));
        else if (u.searchParams.get("state") !== state) reject(new SignInError("the sign-in answered with another state: a stale tab or a forged redirect; run the command again"));
        else resolve(u.searchParams.get("code")!);
      });
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        redirectUri = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/callback`;
        const url = authorizationUrl(o.url, o.realm, o.rules, redirectUri, state, verifier);
        o.announce(url);
        o.open?.(url);
      });
      setTimeout(() => reject(new SignInError("no sign-in within the time allowed; run the command again")), o.timeoutMs ?? 300_000).unref();
    });
    const res = await fetch(`${o.url}/realms/${encodeURIComponent(o.realm)}/protocol/openid-connect/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "authorization_code", client_id: o.rules.client, code, redirect_uri: redirectUri, code_verifier: verifier }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; error?: string; error_description?: string };
    if (!res.ok || !body.access_token) throw new SignInError(`the token endpoint refused the sign-in: ${body.error ?? res.status}${body.error_description ? ` (${body.error_description})` : ""}`);
    return body.access_token;
  } finally {
    (server as Server | undefined)?.close();
  }
}
