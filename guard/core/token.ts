// Verifying a compact JWS access token: the hot path of every request. It does the least work
// that is safe: the header is parsed once per distinct header (headers repeat across tokens), the
// signature is checked with a prepared KeyObject, and only then is the payload decoded and judged.
//
// A token has exactly one spelling that passes: three segments of unpadded base64url (RFC 7515
// §2, RFC 4648 §5), each in its canonical form. Node's decoder would also take "+", "/", "=",
// white space and any other character (skipping what it does not know), and the unused low bits of
// a segment's last character: each token would have many spellings, all valid, and deny-lists and
// replay caches that key on the token would see many tokens.
import { ALGORITHMS, keyFits, verifier, type Algorithm } from "./algorithms.js";
import { claimsProblem, type AccessClaims, type ClaimChecks } from "./claims.js";
import type { KeyStore, SigningKey } from "../keys/jwks.js";

export interface TokenChecks extends ClaimChecks {
  /** Algorithms accepted, each one of ALGORITHMS. */
  readonly algorithms: readonly string[];
}

export type TokenVerdict = { readonly ok: true; readonly claims: AccessClaims } | { readonly ok: false; readonly reason: string };

interface Header {
  readonly alg: string;
  readonly algorithm: Algorithm;
  readonly kid: string;
  /** `typ: at+jwt` (RFC 9068). */
  readonly atJwt: boolean;
}

type Verify = (data: Uint8Array, signature: Uint8Array) => boolean;

/** Far above any real access token; keeps decoding work bounded for junk. */
export const MAX_TOKEN_LENGTH = 16 * 1024;
const HEADER_CACHE_SIZE = 64;
const HEADER_TYPES = new Set(["jwt", "at+jwt", "application/at+jwt"]);

const BASE64URL = /^[A-Za-z0-9_-]+$/;
// Payload and signature together, from where the payload starts (sticky: no copy of the token).
const PAYLOAD_AND_SIGNATURE = /[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/y;
// The value of each base64url character; the canonical last character of a segment has its unused
// low bits zero (4 of them when the length is 2 mod 4, 2 when it is 3 mod 4; 1 mod 4 is no length).
const SIXBITS = new Int8Array(128).fill(-1);
[..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].forEach((c, i) => (SIXBITS[c.charCodeAt(0)] = i));
const UNUSED_BITS = [0, -1, 0b1111, 0b11];

/** Whether token[start, end), already known to be base64url characters, is canonical base64url. */
function canonical(token: string, start: number, end: number): boolean {
  const unused = UNUSED_BITS[(end - start) & 3]!;
  // Stryker disable next-line EqualityOperator: unused 0 has returned true before the comparison, so > 0 and >= 0 agree
  return unused === 0 || (unused > 0 && (SIXBITS[token.charCodeAt(end - 1)]! & unused) === 0);
}

// One scratch buffer for the bytes verified and the payload decoded: everything that uses it runs
// synchronously, so one buffer serves every call, and no token costs an allocation for them.
const scratch = Buffer.allocUnsafe(2 * MAX_TOKEN_LENGTH);

const refuse = (reason: string): TokenVerdict => ({ ok: false, reason });
const NOT_BASE64URL = "the token is not three segments of unpadded base64url";
const NOT_CANONICAL = "the token's base64url is not in its canonical spelling";

function parseHeader(segment: string, accepted: ReadonlySet<string>): Header | string {
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return "the token header is not JSON";
  }
  if (header === null || typeof header !== "object" || Array.isArray(header)) return "the token header is not a JSON object";
  const { alg, kid, typ } = header;
  // Stryker disable next-line ConditionalExpression: the accepted set holds only strings, so it refuses any other alg too; the typeof is for the type
  if (typeof alg !== "string" || !accepted.has(alg)) return "the token's algorithm is not accepted";
  // No extension is understood, so none may be critical (RFC 7515 §4.1.11).
  if (header.crit !== undefined) return "the token names critical header extensions";
  if (typeof kid !== "string") return "the token names no key";
  if (typ !== undefined && (typeof typ !== "string" || !HEADER_TYPES.has(typ.toLowerCase()))) return "the token's type is not accepted";
  return { alg, algorithm: ALGORITHMS[alg]!, kid, atJwt: typeof typ === "string" && typ.toLowerCase() !== "jwt" };
}

export interface TokenVerifier {
  /** The verdict at once when the signing key is held; a promise when the key set must be fetched first. */
  verify(token: string, nowSeconds: number): TokenVerdict | Promise<TokenVerdict>;
}

export function tokenVerifier(checks: TokenChecks, keys: KeyStore): TokenVerifier {
  const accepted = new Set(checks.algorithms);
  // Headers that have verified once; only signed headers get in, so junk cannot fill it.
  const headers = new Map<string, Header>();
  // Per key and algorithm: a ready verifier, or null when the key may not serve the algorithm.
  const verifiers = new WeakMap<SigningKey, Map<string, Verify | null>>();

  function verifierFor(key: SigningKey, header: Header): Verify | null {
    let byAlg = verifiers.get(key);
    // Stryker disable next-line ConditionalExpression: a new map each time only loses the cache; the verdict is the same
    if (!byAlg) verifiers.set(key, (byAlg = new Map()));
    let v = byAlg.get(header.alg);
    // Stryker disable next-line ConditionalExpression: building the verifier again only costs time; the verdict is the same
    if (v === undefined) {
      const fits = (key.alg === undefined || key.alg === header.alg) && keyFits(header.algorithm, key.key);
      v = fits ? verifier(header.algorithm, key.key) : null;
      // Stryker disable next-line CallExpression: the cache only saves building the verifier again; the verdict is the same
      byAlg.set(header.alg, v);
    }
    return v;
  }

  function finish(token: string, first: number, second: number, headerSegment: string, header: Header, key: SigningKey | undefined, nowSeconds: number): TokenVerdict {
    if (!key) return refuse("the token is signed with a key the realm does not have");
    const verify = verifierFor(key, header);
    if (!verify) return refuse("the token's algorithm does not fit its key");
    // The signing input is the token's ASCII up to the second dot, the signature after it decoded.
    // Stryker disable next-line StringLiteral: the signing input is ASCII (base64url and dots), which every encoding writes alike
    const signed = scratch.write(token.slice(0, second), 0, "latin1");
    const signatureLength = scratch.write(token.slice(second + 1), signed, "base64url");
    if (!verify(scratch.subarray(0, signed), scratch.subarray(signed, signed + signatureLength))) return refuse("the token's signature does not verify");
    // Stryker disable next-line BooleanLiteral,ConditionalExpression,BlockStatement: the header cache only saves parsing; the verdict is the same
    if (!headers.has(headerSegment)) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,CallExpression: the cache only saves parsing; cleared always, never or at another size, every token gets the same verdict
      if (headers.size >= HEADER_CACHE_SIZE) headers.clear();
      // Stryker disable next-line CallExpression: as above, a header not cached is parsed again, to the same verdict
      headers.set(headerSegment, header);
    }

    let claims: AccessClaims;
    try {
      const payloadLength = scratch.write(token.slice(first + 1, second), 0, "base64url");
      claims = JSON.parse(scratch.toString("utf8", 0, payloadLength)) as AccessClaims;
    } catch {
      return refuse("the token payload is not JSON");
    }
    if (claims === null || typeof claims !== "object" || Array.isArray(claims)) return refuse("the token payload is not a JSON object");
    const problem = claimsProblem(claims, checks, header.atJwt, nowSeconds);
    return problem ? refuse(problem) : { ok: true, claims };
  }

  return {
    verify(token, nowSeconds) {
      if (token.length > MAX_TOKEN_LENGTH) return refuse("the token is too long");
      const first = token.indexOf(".");
      const second = token.indexOf(".", first + 1);
      if (first <= 0 || second <= first + 1 || second === token.length - 1 || token.indexOf(".", second + 1) !== -1) {
        return refuse("the token is not a signed JWT");
      }
      PAYLOAD_AND_SIGNATURE.lastIndex = first + 1;
      if (!PAYLOAD_AND_SIGNATURE.test(token)) return refuse(NOT_BASE64URL);
      if (!canonical(token, first + 1, second) || !canonical(token, second + 1, token.length)) return refuse(NOT_CANONICAL);
      const headerSegment = token.slice(0, first);
      let header = headers.get(headerSegment);
      // Stryker disable next-line ConditionalExpression: a cached header parsed again gives the same header (the cache only saves work)
      if (!header) {
        // Cached headers are spelled right: only headers of verified tokens get in.
        if (!BASE64URL.test(headerSegment)) return refuse(NOT_BASE64URL);
        if (!canonical(headerSegment, 0, first)) return refuse(NOT_CANONICAL);
        const parsed = parseHeader(headerSegment, accepted);
        if (typeof parsed === "string") return refuse(parsed);
        header = parsed;
      }
      // The hot path stays synchronous: no promise unless the key set has to be fetched.
      const key = keys.cached(header.kid);
      if (key) return finish(token, first, second, headerSegment, header, key, nowSeconds);
      const h = header;
      return keys.find(h.kid).then((found) => finish(token, first, second, headerSegment, h, found, nowSeconds));
    },
  };
}
