// A sign-in over plain HTTP, as a browser without JavaScript makes it: the authorization request,
// each of Keycloak's pages answered by posting its form to the page's loginAction (read from the
// kcContext our theme's pages carry), then the code redeemed with PKCE. No browser, so the time
// measured is Keycloak's.
import { createHash, randomBytes } from "node:crypto";

/** Cookies of one sign-in (one host; Keycloak's paths and expiry need no more). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export interface SignInTarget {
  readonly baseUrl: string;
  /** Nodes of one cluster to send the requests to in turn (each request to the next), as a balancer without sticky sessions would. */
  readonly spreadOver?: readonly string[];
  readonly realm: string;
  readonly clientId: string;
  readonly redirectUri: string;
}

export interface Answers {
  readonly username: string;
  readonly password: string;
  /** The code to give on the one-time code page. */
  readonly otp: () => string;
}

const field = (html: string, name: string): string | undefined => {
  const m = new RegExp(`"${name}":\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(html);
  return m ? (JSON.parse(`"${m[1]}"`) as string) : undefined;
};

/** The form each page of a password-and-TOTP sign-in needs. */
function answer(pageId: string, a: Answers): Record<string, string> {
  switch (pageId) {
    case "login-username": return { username: a.username };
    case "login-password": return { password: a.password };
    case "login": return { username: a.username, password: a.password };
    case "login-otp": return { otp: a.otp() };
    default: throw new Error(`unexpected page ${pageId}`);
  }
}

/** Milliseconds per request of one sign-in, named by what it answered ("auth", "login-password", "token", ...). */
export type StepTimes = { readonly step: string; readonly ms: number }[];

export interface SignedIn {
  readonly steps: StepTimes;
  /** The token endpoint's answer. */
  readonly tokens: { readonly id_token: string; readonly access_token: string };
}

/** Signs in once; returns the tokens and the time each of its HTTP requests took (the token request included). */
export async function signInOverHttp(t: SignInTarget, a: Answers): Promise<SignedIn> {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString("base64url");
  const realmUrl = `${t.baseUrl}/realms/${t.realm}`;
  const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: t.clientId, redirect_uri: t.redirectUri, response_type: "code", scope: "openid",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"), code_challenge_method: "S256",
  }).toString();

  const steps: { step: string; ms: number }[] = [];
  const origins = (t.spreadOver ?? [t.baseUrl]).map((u) => new URL(u));
  let sent = 0;
  /** The URL as the next node in turn serves it. */
  const next = (url: string): string => {
    const u = new URL(url);
    const origin = origins[sent++ % origins.length]!;
    u.protocol = origin.protocol;
    u.host = origin.host;
    return u.href;
  };
  const send = async (step: string, url: string, form?: Record<string, string>): Promise<Response> => {
    const started = performance.now();
    const res = await fetch(next(url), {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: jar.header(), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
    jar.take(res);
    steps.push({ step, ms: performance.now() - started });
    return res;
  };

  let res = await send("auth", auth.href);
  let previous = "";
  for (let step = 0; step < 12; step++) {
    const location = res.headers.get("location");
    if (res.status === 302 && location?.startsWith(t.redirectUri)) {
      await res.body?.cancel();
      const code = new URL(location).searchParams.get("code");
      if (!code) throw new Error(`no code: ${location}`);
      const started = performance.now();
      const token = await fetch(next(`${realmUrl}/protocol/openid-connect/token`), {
        method: "POST",
        body: new URLSearchParams({ grant_type: "authorization_code", client_id: t.clientId, redirect_uri: t.redirectUri, code, code_verifier: verifier }),
      });
      if (!token.ok) throw new Error(`token endpoint: ${token.status} ${await token.text()}`);
      const tokens = (await token.json()) as SignedIn["tokens"];
      steps.push({ step: "token", ms: performance.now() - started });
      return { steps, tokens };
    }
    if (res.status === 302 && location) {
      await res.body?.cancel();
      res = await send("redirect", new URL(location, t.baseUrl).href);
      continue;
    }
    const html = await res.text();
    const pageId = field(html, "pageId");
    const action = field(html, "loginAction");
    if (!pageId || !action) throw new Error(`HTTP ${res.status} without a Keycloak form (${html.slice(0, 120)})`);
    // The same page again with a message: the answer was refused (a wrong code, a locked account).
    // Without one, Keycloak started the sign-in again (a flow swapped under it): answered as before.
    const summary = field(html, "summary");
    if (pageId === previous && summary) throw new Error(`${t.realm}: ${pageId} again: ${summary}`);
    previous = pageId;
    res = await send(pageId, action, answer(pageId, a));
  }
  throw new Error("no redirect to the client after 12 steps");
}
