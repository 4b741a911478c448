// Which route rules apply to a request. Every rule that matches applies (their requirements add
// up), so no rule can weaken another and the order in the policy does not matter.
//
// A rule protects a handler only if the guard reads the request's path as the framework routes
// it. Frameworks, proxies and servers disagree about everything beyond a plain path: absolute
// URLs, backslashes, fragments, `;` parameters, empty and dot segments, encoded slashes. So the
// guard reads only plain paths, and refuses every other target (400) rather than guess how the
// framework behind it reads it. What it does read, it reads as leniently as any of them routes:
// case ignored, escapes decoded, a trailing slash read both with and without it.
import type { RouteRule } from "./policy.js";

type Segment = { readonly kind: "literal"; readonly text: string } | { readonly kind: "one" } | { readonly kind: "rest" };

export interface Pattern {
  readonly segments: readonly Segment[];
  /** Same key, same requests matched: `{id}` and `*` are one thing. */
  readonly key: string;
}

// RFC 3986 pchar, less what a request path is refused for (`;`, `%`) and what routers treat
// specially: the plain text a request segment can match.
const LITERAL = /^[A-Za-z0-9._~!$&'()+,=:@-]+$/;
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
      return `path "${path}": segment "${part}" is neither plain text (letters, digits and - . _ ~ ! $ & ' ( ) + , = : @), {param}, "*" nor a final "**"`;
    }
  }
  const key = "/" + segments.map((s) => (s.kind === "literal" ? s.text : s.kind === "one" ? "*" : "**")).join("/");
  return { segments, key };
}

/**
 * A request path as the guard routes it: its segments, decoded and lower-cased. A path that ends
 * in a slash has a last segment "", which a rule may match either way (see RouteTable.match).
 */
export type RequestPath = { readonly ok: true; readonly segments: readonly string[] } | { readonly ok: false; readonly reason: string };

// Printable ASCII but "#": Node refuses the rest itself, and a fragment has no place in a request.
const RAW_REFUSED = /[^\x21\x22\x24-\x7e]/;
const PATH_REFUSED = /[\\;]/;
// After decoding: separators and escapes in disguise (a decoded "%" is double encoding), controls.
const DECODED_REFUSED = /[/\\%;\p{Cc}]/u;
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII = /[^\u0080-\uffff]/;

const refused = (reason: string): RequestPath => ({ ok: false, reason });

/**
 * Non-ASCII characters that some router, matcher or back end may take for ASCII ones: the
 * Kelvin sign is a "k" in lower case, "ſ" an "S" in upper case, a full-width "／" a "/" under NFKC.
 */
function passesForAscii(segment: string): boolean {
  for (const c of segment) {
    // Stryker disable next-line EqualityOperator: U+0080 is a control character, refused before this is asked
    if (c.charCodeAt(0) < 0x80) continue;
    if (ASCII.test(c.toLowerCase()) || ASCII.test(c.toUpperCase()) || ASCII.test(c.normalize("NFKC"))) return true;
  }
  return false;
}

/**
 * Reads a request target (path and query, as received) into the segments rules are matched on,
 * or says why it is refused. Read: an origin-form target (one "/" first), its path up to "?",
 * split at "/", each segment percent-decoded and lower-cased; a single trailing slash is kept as a
 * last segment "". Refused: any other form (absolute URL, "*", authority), characters outside
 * printable ASCII, "#", "\" or ";" in the path, empty segments, "." and ".." segments (also
 * encoded), bad escapes, and escapes that decode to "/", "\", "%", ";", control characters or
 * non-ASCII characters that case or compatibility mapping turns into ASCII.
 */
export function readRequestPath(target: string): RequestPath {
  if (target.charCodeAt(0) !== 0x2f) return refused("is not a plain path (origin form, starting with /)");
  if (RAW_REFUSED.test(target)) return refused("has a character other than printable ASCII, or a #");
  const query = target.indexOf("?");
  const path = query === -1 ? target : target.slice(0, query);
  if (PATH_REFUSED.test(path)) return refused("has a backslash or a semicolon");
  const parts = path.split("/");
  const segments: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const raw = parts[i]!;
    if (raw === "") {
      if (i !== parts.length - 1) return refused("has an empty segment");
      segments.push("");
      continue;
    }
    let segment = raw;
    // Stryker disable next-line ConditionalExpression,StringLiteral: without a "%" decoding changes nothing, and the raw checks above already refused what the decoded ones look for
    if (raw.includes("%")) {
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return refused("has a bad percent-encoding");
      }
      if (DECODED_REFUSED.test(segment)) return refused("has an encoded /, \\, %, ; or control character");
      if (NON_ASCII.test(segment) && passesForAscii(segment)) return refused("has an encoded character that may pass for an ASCII one");
    }
    if (segment === "." || segment === "..") return refused("has a . or .. segment");
    segments.push(segment.toLowerCase());
  }
  return { ok: true, segments };
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
  /**
   * The rules that apply to a request. HEAD is also matched by GET rules, as servers answer it with
   * GET's handler. A path with a trailing slash gets the rules for both readings: Express routes
   * `/orders/` to `/orders`, Fastify to `/orders/:id` with an empty id.
   */
  match(method: string, segments: readonly string[]): RouteRule[];
}

/** Compiles rules already checked by checkGuardPolicy. */
export function routeTable(rules: readonly RouteRule[]): RouteTable {
  const compiled = rules.map((rule) => ({ rule, segments: (parsePattern(rule.path) as Pattern).segments }));
  return {
    match(method, segments) {
      const m = method.toUpperCase();
      const trimmed = segments.at(-1) === "" ? segments.slice(0, -1) : undefined;
      return compiled
        .filter(({ rule }) => rule.method === "*" || rule.method === m || (m === "HEAD" && rule.method === "GET"))
        .filter((c) => matches(c.segments, segments) || (trimmed !== undefined && matches(c.segments, trimmed)))
        .map((c) => c.rule);
    },
  };
}
