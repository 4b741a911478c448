// The forged and broken token corpus: each one is sent to a level-2 route that a good token passes,
// and each must be refused with the right status and error. Controls at the end show the same
// route accepts what it should, so the refusals are not the route refusing everything.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { b64url, hmacSign, keycloakClaims, signWith, testKey } from "../../support/tokens.js";
import { MAX_TOKEN_LENGTH } from "../../../guard/core/token.js";
import { AUDIENCE, ISSUER, NOW_S, REALM_EC, REALM_RSA, accessToken, bearer, realm } from "./fixture.js";

const attacker = testKey("RS256", REALM_RSA.kid); // same kid as the realm's key, different key
const encKey = testKey("RS256", "realm-enc");
const weak = (() => {
  const pair = generateKeyPairSync("rsa", { modulusLength: 1024 });
  return { ...pair, kid: "realm-rsa1024", alg: "RS256" as const, jwk: { ...pair.publicKey.export({ format: "jwk" }), kid: "realm-rsa1024", alg: "RS256", use: "sig" } };
})();
const publishedKeys = [REALM_RSA.jwk, REALM_EC.jwk, { ...encKey.jwk, use: "enc", alg: "RSA-OAEP" }, weak.jwk];

// A level-2 token for the refund route: everything right unless a case changes it.
const good = { acr: "urn:example:loa:2", scope: "openid orders:refund" };
const claims = (extra: Record<string, unknown> = {}) => keycloakClaims(ISSUER, AUDIENCE, NOW_S, { ...good, ...extra });
const rsHeader = { alg: "RS256", typ: "JWT", kid: REALM_RSA.kid };
const goodToken = accessToken(good);
const [goodHeader, goodPayload, goodSignature] = goodToken.split(".") as [string, string, string];
// sha256 signature over exactly this input (for RSA: RS256; for EC: DER-encoded, as JWS does not).
const signedAsIs = (input: string, privateKey: KeyObject) => `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
const publicPem = REALM_RSA.publicKey.export({ format: "pem", type: "spki" }).toString();

/** The good token's header and signature around a payload of "A"s, `length` characters in all (the signature takes one more "A" where the payload's length would have no base64url spelling). */
function ofLength(length: number): string {
  const n = length - goodHeader.length - goodSignature.length - 2;
  return n % 4 === 1 ? `${goodHeader}.${"A".repeat(n - 1)}.${goodSignature}A` : `${goodHeader}.${"A".repeat(n)}.${goodSignature}`;
}

interface Case {
  readonly name: string;
  /** The whole Authorization header value. */
  readonly authorization: string;
  readonly status: number;
  readonly error: string;
  /** For invalid tokens: the refusal's reason, so each case fails for the flaw it carries. */
  readonly reason?: RegExp;
}

const invalid = (name: string, token: string, reason: RegExp): Case => ({ name, authorization: bearer(token), status: 401, error: "invalid_token", reason });
const NOT_JWS = /not a signed JWT/;
const ALG = /algorithm is not accepted/;
const NO_KEY = /key the realm does not have/;
const BAD_SIG = /signature does not verify/;
const MISFIT = /does not fit its key/;
const NOT_ACCESS = /not an access token/;

const corpus: Case[] = [
  invalid("alg none, no signature", `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims())}.`, NOT_JWS),
  invalid("alg none, the real signature kept", `${b64url({ alg: "none", typ: "JWT", kid: REALM_RSA.kid })}.${goodPayload}.${goodSignature}`, ALG),
  invalid("alg NONE in capitals", `${b64url({ alg: "NONE", kid: REALM_RSA.kid })}.${goodPayload}.`, NOT_JWS),
  invalid("HS256 signed with the realm's public key (PEM) as secret", hmacSign(publicPem, { alg: "HS256", typ: "JWT", kid: REALM_RSA.kid }, claims()), ALG),
  invalid("HS256 signed with the public JWK's modulus as secret", hmacSign(String(REALM_RSA.jwk.n), { alg: "HS256", kid: REALM_RSA.kid }, claims()), ALG),
  invalid("unknown kid, signed by another key", signWith(testKey("RS256", "not-a-realm-key"), { ...rsHeader, kid: "not-a-realm-key" }, claims()), NO_KEY),
  invalid("the realm's kid, signed by another key", signWith(attacker, rsHeader, claims()), BAD_SIG),
  invalid("attacker key embedded as a jwk header", signWith(attacker, { ...rsHeader, jwk: attacker.jwk }, claims()), BAD_SIG),
  invalid("attacker key set named in jku", signWith(attacker, { ...rsHeader, jku: "https://evil.example/jwks.json" }, claims()), BAD_SIG),
  invalid("no kid", signWith(REALM_RSA, { alg: "RS256", typ: "JWT" }, claims()), /names no key/),
  invalid("wrong issuer", accessToken({ ...good, iss: "https://sso.example.test/realms/other" }), /another issuer/),
  invalid("issuer with a trailing slash", accessToken({ ...good, iss: `${ISSUER}/` }), /another issuer/),
  invalid("wrong audience", accessToken({ ...good, aud: ["billing-api", "account"] }), /another audience/),
  invalid("no audience", accessToken({ ...good, aud: undefined }), /another audience/),
  invalid("expired beyond the clock skew", accessToken({ ...good, exp: NOW_S - 31 }), /expired/),
  invalid("no exp", accessToken({ ...good, exp: undefined }), /no expiry/),
  invalid("exp as a string", accessToken({ ...good, exp: String(NOW_S + 300) }), /no expiry/),
  invalid("not valid yet beyond the clock skew", accessToken({ ...good, nbf: NOW_S + 120 }), /not valid yet/),
  invalid("payload tampered: acr raised, signature kept", `${goodHeader}.${b64url(claims({ acr: "urn:example:loa:3" }))}.${goodSignature}`, BAD_SIG),
  invalid("header tampered: RS256 relabelled PS256, a key for RS256 only", `${b64url({ ...rsHeader, alg: "PS256" })}.${goodPayload}.${goodSignature}`, MISFIT),
  invalid("signature truncated", goodToken.slice(0, -10), BAD_SIG),
  invalid("signature of another token", `${goodHeader}.${goodPayload}.${accessToken(good).split(".")[2]}`, BAD_SIG),
  invalid("an ID token (typ ID)", accessToken({ ...good, typ: "ID" }), NOT_ACCESS),
  invalid("a refresh token (typ Refresh)", accessToken({ ...good, typ: "Refresh" }), NOT_ACCESS),
  invalid("no typ claim and a plain JWT header", accessToken({ ...good, typ: undefined }), NOT_ACCESS),
  invalid("header typ of another kind", signWith(REALM_RSA, { ...rsHeader, typ: "dpop+jwt" }, claims()), /type is not accepted/),
  invalid("critical header extension", signWith(REALM_RSA, { ...rsHeader, crit: ["exp"], exp: 1 }, claims()), /critical header/),
  invalid("ES256 header on the RSA key's kid", `${b64url({ alg: "ES256", kid: REALM_RSA.kid })}.${goodPayload}.${goodSignature}`, MISFIT),
  invalid("RS256 header on the EC key's kid", signWith(REALM_RSA, { ...rsHeader, kid: REALM_EC.kid }, claims()), MISFIT),
  invalid("ES256 signature in DER instead of r||s", signedAsIs(`${b64url({ alg: "ES256", typ: "JWT", kid: REALM_EC.kid })}.${b64url(claims())}`, REALM_EC.privateKey), BAD_SIG),
  invalid("signed with a 1024-bit RSA key the realm lists", signWith(weak, { ...rsHeader, kid: weak.kid }, claims()), MISFIT),
  invalid("kid of the realm's encryption key", signWith(encKey, { ...rsHeader, kid: encKey.kid }, claims()), NO_KEY),
  invalid("algorithm in lower case", `${b64url({ ...rsHeader, alg: "rs256" })}.${goodPayload}.${goodSignature}`, ALG),
  invalid("payload signed but not JSON", signedAsIs(`${goodHeader}.${b64url("not json")}`, REALM_RSA.privateKey), /payload is not JSON/),
  ...["null", "7", "[]", '"text"'].map((json) =>
    invalid(`payload signed but JSON ${json}`, signedAsIs(`${goodHeader}.${b64url(json)}`, REALM_RSA.privateKey), /payload is not a JSON object/)),
  invalid("payload signed but a JSON array", signedAsIs(`${goodHeader}.${b64url([claims()])}`, REALM_RSA.privateKey), /not a JSON object/),
  invalid("header not JSON", `${b64url("{alg:RS256")}.${goodPayload}.${goodSignature}`, /header is not JSON/),
  invalid("an empty header segment", `.${goodPayload}.${goodSignature}`, NOT_JWS),
  invalid("an empty payload segment", `${goodHeader}..${goodSignature}`, NOT_JWS),
  invalid("two segments", `${goodHeader}.${goodPayload}`, NOT_JWS),
  invalid("four segments", `${goodHeader}.${goodPayload}.${goodSignature}.x`, NOT_JWS),
  invalid("five segments (a JWE)", `${goodHeader}.${goodPayload}.${goodSignature}.x.y`, NOT_JWS),
  invalid("far too long", `${goodHeader}.${"A".repeat(20_000)}.${goodSignature}`, /too long/),
  // At the limit a token is read (and this one's payload was not signed); one character more is not.
  invalid("as long as a token may be", ofLength(MAX_TOKEN_LENGTH), BAD_SIG),
  invalid("one character too long", ofLength(MAX_TOKEN_LENGTH + 1), /too long/),
  { name: "Bearer with two tokens", authorization: `Bearer ${goodToken} ${goodToken}`, status: 401, error: "invalid_token" },
  { name: "acr outside the ladder (Keycloak's SSO '0')", authorization: bearer(accessToken({ ...good, acr: "0" })), status: 401, error: "mfa_required" },
  { name: "acr missing", authorization: bearer(accessToken({ ...good, acr: undefined })), status: 401, error: "mfa_required" },
  { name: "acr of a lower level", authorization: bearer(accessToken({ ...good, acr: "urn:example:loa:1" })), status: 401, error: "mfa_required" },
  { name: "scope missing", authorization: bearer(accessToken({ ...good, scope: "openid profile" })), status: 403, error: "insufficient_scope" },
  { name: "Basic credentials instead", authorization: `Basic ${Buffer.from("alice:pw").toString("base64")}`, status: 401, error: "unauthorized" },
];

describe("the forged and broken token corpus", () => {
  const r = realm();
  beforeAll(() => r.publish(publishedKeys));

  it("has at least 20 forged or broken tokens", () => {
    expect(corpus.filter((c) => c.error === "invalid_token").length).toBeGreaterThanOrEqual(20);
  });

  it.each(corpus)("refuses $name with $status $error", async ({ authorization, status, error, reason }) => {
    const result = await r.guard.authorize({ method: "POST", target: "/api/orders/42/refund", authorization });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.answer.status).toBe(status);
    expect(result.answer.body.error).toBe(error);
    const challenge = result.answer.headers["www-authenticate"];
    if (reason) expect(result.answer.body.error_description).toMatch(reason);
    if (error === "invalid_token") expect(challenge).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
    if (error === "mfa_required") expect(challenge).toMatch(/^Bearer error="insufficient_user_authentication", .*acr_values="urn:example:loa:2 /);
    // The answer names no token contents.
    expect(JSON.stringify(result.answer)).not.toContain(goodPayload.slice(0, 40));
  });

  it.each([
    ["a good RS256 token", accessToken(good)],
    ["a good ES256 token", accessToken(good, REALM_EC)],
    ["the PAPE multi-factor acr, an alias of level 2", accessToken({ ...good, acr: "http://schemas.openid.net/pape/policies/2007/06/multi-factor" })],
    ["a level-3 token on a level-2 route", accessToken({ ...good, acr: "urn:example:loa:3" })],
    ["expired within the clock skew", accessToken({ ...good, exp: NOW_S - 29 })],
    ["valid from within the clock skew", accessToken({ ...good, nbf: NOW_S + 29 })],
    ["an RFC 9068 at+jwt without a typ claim", accessToken({ ...good, typ: undefined }, REALM_RSA, { typ: "at+jwt" })],
    ["a single audience string", accessToken({ ...good, aud: AUDIENCE })],
  ])("accepts %s (control)", async (_name, token) => {
    const result = await r.guard.authorize({ method: "POST", target: "/api/orders/42/refund", authorization: bearer(token) });
    expect(result).toMatchObject({ ok: true, auth: { claims: { iss: ISSUER } } });
  });
});

// A guard of its own per case: verified headers are cached per guard, so a header parsed by an
// earlier test would not be parsed (nor its typ read) again here.
describe("the header's typ decides whether a token without a typ claim is an access token", () => {
  const untyped = claims({ typ: undefined });
  it.each([
    ["typ JWT, in capitals", { ...rsHeader, typ: "JWT" }, { ok: false, reason: "the token is not an access token" }],
    ["no typ", { alg: "RS256", kid: REALM_RSA.kid }, { ok: false, reason: "the token is not an access token" }],
    ["typ at+jwt, in capitals", { ...rsHeader, typ: "AT+JWT" }, { ok: true }],
    ["typ application/at+jwt", { ...rsHeader, typ: "application/at+jwt" }, { ok: true }],
    ["typ a number", { ...rsHeader, typ: 7 }, { ok: false, reason: "the token's type is not accepted" }],
  ])("%s", async (_name, header, verdict) => {
    expect(await realm().guard.verify(signWith(REALM_RSA, header, untyped))).toMatchObject(verdict);
  });
});
