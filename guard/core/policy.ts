// What the guard enforces, in the compiled form the policy compiler produces from the policy
// file's `levels` and `api` sections, and the checks that keep a bad policy from being enforced.
import { parsePattern } from "./routes.js";

/** A rung of the assurance ladder; the ladder's order is the array's order, lowest first. */
export interface GuardLevel {
  readonly name: string;
  /** acr values that prove this level; the first is the one asked for in challenges. */
  readonly acr: readonly string[];
}

export interface RouteRule {
  /** An HTTP method in capitals, or "*" for every method. */
  readonly method: string;
  /** Path pattern: plain segments, `{param}` or `*` for one segment, a final `**` for any rest. */
  readonly path: string;
  /** Minimum level by name, compared by position on the ladder. */
  readonly level?: string;
  /** Realm roles, or "client-id:role" for roles of that client; all of them are needed. */
  readonly roles?: readonly string[];
  /** OAuth scopes, all of them needed. */
  readonly scopes?: readonly string[];
  /** amr values that must all be present. */
  readonly amr?: readonly string[];
  /** Seconds since the user last authenticated, at most. */
  readonly maxAge?: number;
}

export interface GuardPolicy {
  readonly levels: readonly GuardLevel[];
  /** The `aud` value access tokens must carry. */
  readonly audience: string;
  readonly routes: readonly RouteRule[];
}

export interface GuardPolicyProblem {
  /** Index in `routes` when the problem is a route's. */
  readonly route?: number;
  /** The field at fault, e.g. "level" or "levels[1].acr". */
  readonly field: string;
  readonly message: string;
}

export const METHODS: readonly string[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "*"];

/** Every reason the guard would refuse to enforce this policy; empty when it is sound. Pure. */
export function checkGuardPolicy(policy: GuardPolicy): GuardPolicyProblem[] {
  const problems: GuardPolicyProblem[] = [];
  const problem = (field: string, message: string, route?: number) =>
    problems.push(route === undefined ? { field, message } : { route, field, message });

  if (policy.levels.length === 0) problem("levels", "the ladder needs at least one level");
  const levelNames = new Set<string>();
  const acrOwner = new Map<string, string>();
  policy.levels.forEach((level, i) => {
    if (levelNames.has(level.name)) problem(`levels[${i}].name`, `level "${level.name}" is listed twice`);
    levelNames.add(level.name);
    if (level.acr.length === 0) problem(`levels[${i}].acr`, `level "${level.name}" has no acr value`);
    for (const acr of level.acr) {
      const owner = acrOwner.get(acr);
      if (owner !== undefined) problem(`levels[${i}].acr`, `acr "${acr}" already belongs to level "${owner}"`);
      acrOwner.set(acr, level.name);
    }
  });
  if (policy.audience.trim() === "") problem("audience", "an audience is needed: tokens for other APIs must not pass");

  const seen = new Map<string, number>();
  policy.routes.forEach((rule, i) => {
    if (!METHODS.includes(rule.method)) problem("method", `method "${rule.method}" is not one of ${METHODS.join(", ")}`, i);
    const pattern = parsePattern(rule.path);
    if (typeof pattern === "string") {
      problem("path", pattern, i);
    } else {
      const key = `${rule.method} ${pattern.key}`;
      const first = seen.get(key);
      if (first !== undefined) problem("path", `"${rule.method} ${rule.path}" matches the same requests as route ${first}`, i);
      else seen.set(key, i);
    }
    if (rule.level !== undefined && !levelNames.has(rule.level)) {
      problem("level", `level "${rule.level}" is not on the ladder (${[...levelNames].join(", ")})`, i);
    }
    if (rule.maxAge !== undefined && !(Number.isInteger(rule.maxAge) && rule.maxAge > 0)) {
      problem("maxAge", `maxAge must be a whole number of seconds above 0, not ${rule.maxAge}`, i);
    }
    for (const field of ["roles", "scopes", "amr"] as const) {
      for (const value of rule[field] ?? []) {
        if (!/^\S+$/.test(value)) problem(field, `"${value}" is empty or contains white space`, i);
      }
    }
  });
  return problems;
}

export class GuardPolicyError extends Error {
  constructor(readonly problems: readonly GuardPolicyProblem[]) {
    super(`the guard policy cannot be enforced:\n${problems.map((p) => `  ${p.route === undefined ? "" : `routes[${p.route}].`}${p.field}: ${p.message}`).join("\n")}`);
    this.name = "GuardPolicyError";
  }
}
