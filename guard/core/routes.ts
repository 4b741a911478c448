// Which route rules apply to a request. Every rule that matches applies (their requirements add
// up), so no rule can weaken another and the order in the policy does not matter. Matching errs on
// the side of matching: case is ignored and empty segments are dropped, as lenient routers do.
import type { RouteRule } from "./policy.js";

type Segment = { readonly kind: "literal"; readonly text: string } | { readonly kind: "one" } | { readonly kind: "rest" };

export interface Pattern {
  readonly segments: readonly Segment[];
  /** Same key, same requests matched: `{id}` and `*` are one thing. */
  readonly key: string;
}

const LITERAL = /^[A-Za-z0-9._~!$&'()+,;=:@-]+$/;
const PARAM = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** A path pattern, or why it is not one. */
export function parsePattern(path: string): Pattern | string {
  if (!path.startsWith("/")) return `path "${path}" must start with "/"`;
  const parts = path.split("/").slice(1);
  if (parts.at(-1) === "") parts.pop();
  const segments: Segment[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === "**") {
      if (i !== parts.length - 1) return `path "${path}": "**" may only end a pattern`;
      segments.push({ kind: "rest" });
    } else if (part === "*" || PARAM.test(part)) {
      segments.push({ kind: "one" });
    } else if (LITERAL.test(part) && part !== "." && part !== "..") {
      segments.push({ kind: "literal", text: part.toLowerCase() });
    } else {
      return `path "${path}": segment "${part}" is neither plain text, {param}, "*" nor a final "**"`;
    }
  }
  const key = "/" + segments.map((s) => (s.kind === "literal" ? s.text : s.kind === "one" ? "*" : "**")).join("/");
  return { segments, key };
}

/**
 * The segments a request path is routed on: query dropped, empty segments dropped, each segment
 * percent-decoded and lower-cased. Undefined for paths the guard will not guess about: bad
 * percent-encoding, or `.`/`..` segments, which servers and proxies resolve in different ways.
 */
export function requestSegments(target: string): string[] | undefined {
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  const segments: string[] = [];
  for (const raw of path.split("/")) {
    if (raw === "") continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === "." || segment === "..") return undefined;
    segments.push(segment.toLowerCase());
  }
  return segments;
}

function matches(pattern: readonly Segment[], segments: readonly string[]): boolean {
  for (const [i, s] of pattern.entries()) {
    if (s.kind === "rest") return true;
    const actual = segments[i];
    if (actual === undefined || (s.kind === "literal" && s.text !== actual)) return false;
  }
  return pattern.length === segments.length;
}

export interface RouteTable {
  /** The rules that apply to a request; HEAD is also matched by GET rules, as servers answer it with GET's handler. */
  match(method: string, segments: readonly string[]): RouteRule[];
}

/** Compiles rules already checked by checkGuardPolicy. */
export function routeTable(rules: readonly RouteRule[]): RouteTable {
  const compiled = rules.map((rule) => ({ rule, segments: (parsePattern(rule.path) as Pattern).segments }));
  return {
    match(method, segments) {
      const m = method.toUpperCase();
      return compiled
        .filter(({ rule }) => rule.method === "*" || rule.method === m || (m === "HEAD" && rule.method === "GET"))
        .filter((c) => matches(c.segments, segments))
        .map((c) => c.rule);
    },
  };
}
