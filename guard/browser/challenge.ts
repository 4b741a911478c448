// Reading a step-up challenge off an API answer, in the browser (no Node APIs). RFC 9470 puts it
// in WWW-Authenticate; the guard repeats it in the JSON body, which is what a cross-origin page
// sees when the API does not expose WWW-Authenticate through CORS.

export interface StepUpChallenge {
  /** Space-separated acr values, any of which satisfies the API. */
  readonly acr_values?: string;
  /** Seconds the authentication may be old, at most. */
  readonly max_age?: number;
  readonly error_description?: string;
}

export interface AuthChallenge {
  /** Lower-cased, e.g. "bearer". */
  readonly scheme: string;
  /** Parameter names lower-cased, quoted values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
const PARAM_VALUE = /^[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|([!#$%&'*+\-.^_`|~0-9A-Za-z]*))/;
const TOKEN68 = /^[ \t]+[A-Za-z0-9\-._~+/]+=*[ \t]*(?=,|$)/;

/** The challenges of a WWW-Authenticate header (RFC 9110 §11.6.1): schemes with their auth-params. */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let current: { scheme: string; params: Record<string, string> } | undefined;
  let rest = header;
  while (true) {
    rest = rest.replace(/^[\s,]+/, "");
    const name = TOKEN.exec(rest)?.[0];
    if (!name) break;
    rest = rest.slice(name.length);
    const param = current && PARAM_VALUE.exec(rest);
    if (current && param) {
      current.params[name.toLowerCase()] = param[1] !== undefined ? param[1].replace(/\\(.)/g, "$1") : param[2]!;
      rest = rest.slice(param[0].length);
      continue;
    }
    // A token without "=" starts a new challenge; a token68 credential right after it is skipped.
    current = { scheme: name.toLowerCase(), params: {} };
    challenges.push(current);
    rest = rest.slice(TOKEN68.exec(rest)?.[0].length ?? 0);
  }
  return challenges;
}

const fromParams = (acr: string | undefined, maxAge: string | number | undefined, description: string | undefined): StepUpChallenge => {
  const age = maxAge === undefined ? NaN : Number(maxAge);
  return {
    ...(acr ? { acr_values: acr } : {}),
    ...(Number.isInteger(age) && age >= 0 ? { max_age: age } : {}),
    ...(description ? { error_description: description } : {}),
  };
};

/** The step-up the answer asks for, or undefined when it is not a step-up challenge. */
export async function stepUpChallenge(response: Response): Promise<StepUpChallenge | undefined> {
  if (response.status !== 401) return undefined;
  const header = response.headers.get("www-authenticate");
  const bearer = header ? parseWwwAuthenticate(header).find((c) => c.scheme === "bearer") : undefined;
  if (bearer?.params.error === "insufficient_user_authentication") {
    return fromParams(bearer.params.acr_values, bearer.params.max_age, bearer.params.error_description);
  }
  let body: { error?: unknown; error_description?: unknown; required?: { acr_values?: unknown; max_age?: unknown } };
  try {
    body = (await response.clone().json()) as typeof body;
  } catch {
    return undefined;
  }
  if (body?.error !== "mfa_required") return undefined;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  return fromParams(str(body.required?.acr_values), num(body.required?.max_age), str(body.error_description));
}

/** An authorization request URL with the challenge's acr_values and max_age set on it. */
export function withStepUpParams(authorizationUrl: string | URL, challenge: StepUpChallenge): URL {
  const url = new URL(authorizationUrl);
  if (challenge.acr_values !== undefined) url.searchParams.set("acr_values", challenge.acr_values);
  if (challenge.max_age !== undefined) url.searchParams.set("max_age", String(challenge.max_age));
  return url;
}
