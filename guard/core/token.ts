// Verifying a compact JWS access token: the hot path of every request. It does the least work
// that is safe: the header is parsed once per distinct header (headers repeat across tokens), the
// signature is checked with a prepared KeyObject, and only then is the payload decoded and judged.
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

const refuse = (reason: string): TokenVerdict => ({ ok: false, reason });

function parseHeader(segment: string, accepted: ReadonlySet<string>): Header | string {
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return "the token header is not JSON";
  }
  if (header === null || typeof header !== "object" || Array.isArray(header)) return "the token header is not a JSON object";
  const { alg, kid, typ } = header;
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
    if (!byAlg) verifiers.set(key, (byAlg = new Map()));
    let v = byAlg.get(header.alg);
    if (v === undefined) {
      const fits = (key.alg === undefined || key.alg === header.alg) && keyFits(header.algorithm, key.key);
      v = fits ? verifier(header.algorithm, key.key) : null;
      byAlg.set(header.alg, v);
    }
    return v;
  }

  function finish(token: string, first: number, second: number, headerSegment: string, header: Header, key: SigningKey | undefined, nowSeconds: number): TokenVerdict {
    if (!key) return refuse("the token is signed with a key the realm does not have");
    const verify = verifierFor(key, header);
    if (!verify) return refuse("the token's algorithm does not fit its key");
    const signature = Buffer.from(token.slice(second + 1), "base64url");
    if (!verify(Buffer.from(token.slice(0, second), "latin1"), signature)) return refuse("the token's signature does not verify");
    if (!headers.has(headerSegment)) {
      if (headers.size >= HEADER_CACHE_SIZE) headers.clear();
      headers.set(headerSegment, header);
    }

    let claims: AccessClaims;
    try {
      claims = JSON.parse(Buffer.from(token.slice(first + 1, second), "base64url").toString("utf8")) as AccessClaims;
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
      const headerSegment = token.slice(0, first);
      let header = headers.get(headerSegment);
      if (!header) {
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
