// The HTTP answers the guard gives, as plain data for any framework to send. Challenges follow
// RFC 6750 (Bearer) and RFC 9470 (step-up: insufficient_user_authentication with acr_values and
// max_age); the JSON body repeats what the header says, for clients that cannot read the header
// (a cross-origin fetch sees WWW-Authenticate only if CORS exposes it).
import type { GuardLevel } from "./policy.js";
import type { Judgement } from "./requirements.js";

export interface GuardAnswer {
  readonly status: 400 | 401 | 403 | 503;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: AnswerBody;
}

export interface AnswerBody {
  readonly error: string;
  readonly error_description: string;
  /** What a token must have for this request (step-up and 403 answers). */
  readonly required?: {
    readonly level?: string;
    /** Space-separated, as in the challenge: pass it on as the authorization request's acr_values. */
    readonly acr_values?: string;
    readonly max_age?: number;
    readonly amr?: readonly string[];
    readonly roles?: readonly string[];
    readonly scopes?: readonly string[];
  };
}

const quoted = (value: string) => `"${value.replace(/[\\"]/g, "\\$&")}"`;
const challenge = (params: Record<string, string | undefined>) =>
  `Bearer ${Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${quoted(v)}`)
    .join(", ")}`;

const answer = (status: GuardAnswer["status"], headers: Record<string, string>, body: AnswerBody): GuardAnswer => ({
  status,
  headers: { "cache-control": "no-store", ...headers },
  body,
});

/** No bearer token at all: a bare challenge, without an error code (RFC 6750 §3.1). */
export const tokenMissing = (): GuardAnswer =>
  answer(401, { "www-authenticate": "Bearer" }, { error: "unauthorized", error_description: "a bearer token is required" });

export const invalidToken = (reason: string): GuardAnswer =>
  answer(401, { "www-authenticate": challenge({ error: "invalid_token", error_description: reason }) }, { error: "invalid_token", error_description: reason });

/** A request target the guard will not read, as frameworks and servers read it in different ways. */
export const badRequestPath = (reason: string): GuardAnswer =>
  answer(400, {}, { error: "invalid_request", error_description: `the request target ${reason}` });

export const noRuleAllows = (): GuardAnswer =>
  answer(403, {}, { error: "forbidden", error_description: "no route rule covers this request" });

export const keysUnavailable = (): GuardAnswer =>
  answer(503, { "retry-after": "5" }, { error: "temporarily_unavailable", error_description: "the signing keys cannot be fetched" });

export function forbidden(j: Extract<Judgement, { kind: "forbidden" }>): GuardAnswer {
  const missing = [...(j.roles.length ? [`roles ${j.roles.join(", ")}`] : []), ...(j.scopes.length ? [`scopes ${j.scopes.join(", ")}`] : [])];
  const description = `the token lacks ${missing.join(" and ")}`;
  return answer(
    403,
    { "www-authenticate": challenge({ error: "insufficient_scope", error_description: description, scope: j.scopes.length ? j.scopes.join(" ") : undefined }) },
    {
      error: "insufficient_scope",
      error_description: description,
      required: { ...(j.roles.length ? { roles: j.roles } : {}), ...(j.scopes.length ? { scopes: j.scopes } : {}) },
    },
  );
}

/**
 * The step-up challenge. acr_values lists the required level's acr values, then those of higher
 * levels: any of them will do. They are sent whenever the route asks for a level, also when only
 * freshness failed, because a re-authentication asked for without them would reach the lowest
 * level only. Missing amr values cannot be asked for in RFC 9470 terms; the challenge then asks for
 * a fresh authentication (max_age 0), in which the user can use a method that yields them.
 */
export function stepUp(j: Extract<Judgement, { kind: "step-up" }>, ladder: readonly GuardLevel[]): GuardAnswer {
  const acrValues = j.level ? ladder.slice(ladder.indexOf(j.level)).flatMap((l) => l.acr).join(" ") : undefined;
  const maxAge = j.maxAge ?? (j.amr.length && !j.levelTooLow ? 0 : undefined);
  const reasons = [
    ...(j.levelTooLow && j.level ? [`level ${j.level.name}`] : []),
    ...(j.maxAge !== undefined ? [`an authentication within the last ${j.maxAge} s`] : []),
    ...(j.amr.length ? [`authentication methods ${j.amr.join(", ")}`] : []),
  ];
  const description = `this request needs ${reasons.join(" and ")}`;
  return answer(
    401,
    {
      "www-authenticate": challenge({
        error: "insufficient_user_authentication",
        error_description: description,
        acr_values: acrValues,
        max_age: maxAge === undefined ? undefined : String(maxAge),
      }),
    },
    {
      error: "mfa_required",
      error_description: description,
      required: {
        ...(j.level ? { level: j.level.name } : {}),
        ...(acrValues ? { acr_values: acrValues } : {}),
        ...(maxAge !== undefined ? { max_age: maxAge } : {}),
        ...(j.amr.length ? { amr: j.amr } : {}),
      },
    },
  );
}
