// Every signature algorithm the guard supports, each verified with its own digest, padding, curve
// and signature encoding, and refused where any of them is wrong.
import { constants, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { ALGORITHMS, keyFits } from "../../../guard/core/algorithms.js";
import { b64url, keycloakClaims } from "../../support/tokens.js";
import { AUDIENCE, ISSUER, NOW_S, realm } from "./fixture.js";

const ALL = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];

interface Key { readonly kid: string; readonly privateKey: KeyObject; readonly jwk: Record<string, unknown> }
const key = (kid: string, pair: { privateKey: KeyObject; publicKey: KeyObject }): Key => ({ kid, privateKey: pair.privateKey, jwk: { ...pair.publicKey.export({ format: "jwk" }), kid, use: "sig" } });
const rsa = key("rsa", generateKeyPairSync("rsa", { modulusLength: 2048 }));
const curves: Record<string, Key> = {
  "P-256": key("p256", generateKeyPairSync("ec", { namedCurve: "P-256" })),
  "P-384": key("p384", generateKeyPairSync("ec", { namedCurve: "P-384" })),
  "P-521": key("p521", generateKeyPairSync("ec", { namedCurve: "P-521" })),
};
const ed = key("ed", generateKeyPairSync("ed25519"));
const keys = [rsa, ...Object.values(curves), ed].map((k) => k.jwk);

const digestOf = (alg: string) => (alg.startsWith("Ed") ? null : `sha${alg.slice(2)}`);
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };

/** How JWS signs with `alg` (RFC 7518, RFC 8037); `as` signs the same header another way. */
function token(alg: string, k: Key, as: { digest?: string | null; pss?: boolean; der?: boolean } = {}): string {
  const input = `${b64url({ alg, typ: "JWT", kid: k.kid })}.${b64url(keycloakClaims(ISSUER, AUDIENCE, NOW_S))}`;
  const digest = as.digest !== undefined ? as.digest : digestOf(alg);
  const options = alg.startsWith("ES") && !as.der ? { dsaEncoding: "ieee-p1363" as const } : (as.pss ?? alg.startsWith("PS")) ? PSS : {};
  return `${input}.${sign(digest, Buffer.from(input), { key: k.privateKey, ...options }).toString("base64url")}`;
}
const keyFor = (alg: string): Key => (alg.startsWith("Ed") ? ed : alg.startsWith("ES") ? curves[{ ES256: "P-256", ES384: "P-384", ES512: "P-521" }[alg]!]! : rsa);

describe("signature algorithms", () => {
  const guard = realm({ algorithms: ALL }, keys).guard;

  it.each(ALL)("accepts %s signed as JWS defines it", async (alg) => {
    expect(await guard.verify(token(alg, keyFor(alg)))).toMatchObject({ ok: true });
  });

  it.each([
    ["RS384 signed with SHA-256", token("RS384", rsa, { digest: "sha256" })],
    ["RS512 signed with SHA-384", token("RS512", rsa, { digest: "sha384" })],
    ["PS256 with PKCS#1 v1.5 padding", token("PS256", rsa, { pss: false })],
    ["PS384 with PKCS#1 v1.5 padding", token("PS384", rsa, { pss: false })],
    ["PS512 signed with SHA-256", token("PS512", rsa, { digest: "sha256" })],
    ["RS256 with PSS padding", token("RS256", rsa, { pss: true })],
    ["ES256 with a DER signature", token("ES256", curves["P-256"]!, { der: true })],
    ["ES384 signed with SHA-256", token("ES384", curves["P-384"]!, { digest: "sha256" })],
    ["ES512 signed with SHA-384", token("ES512", curves["P-521"]!, { digest: "sha384" })],
  ])("refuses %s", async (_name, t) => {
    expect(await guard.verify(t)).toEqual({ ok: false, reason: "the token's signature does not verify" });
  });

  it.each([
    ["ES384 named for a P-256 key", "ES384", curves["P-256"]!],
    ["ES256 named for a P-384 key", "ES256", curves["P-384"]!],
    ["ES512 named for a P-384 key", "ES512", curves["P-384"]!],
    ["RS256 named for an EC key", "RS256", curves["P-256"]!],
    ["PS256 named for an Ed25519 key", "PS256", ed],
    ["EdDSA named for an RSA key", "EdDSA", rsa],
    ["ES256 named for an RSA key", "ES256", rsa],
  ])("refuses %s as not fitting it", async (_name, alg, k) => {
    // Signed with what the key can do: only the pairing of algorithm and key is wrong.
    const t = token(alg, k, { digest: k === ed ? null : "sha256", pss: false });
    expect(await guard.verify(t)).toEqual({ ok: false, reason: "the token's algorithm does not fit its key" });
  });

  it("accepts Keycloak's default and the usual alternatives unless told otherwise: RS256, PS256, ES256, EdDSA", async () => {
    const byDefault = realm({}, keys).guard;
    for (const alg of ALL) {
      const verdict = await byDefault.verify(token(alg, keyFor(alg)));
      expect([alg, verdict.ok]).toEqual([alg, ["RS256", "PS256", "ES256", "EdDSA"].includes(alg)]);
    }
  });

  it("refuses a key whose JWK names another algorithm than the token's", async () => {
    const pinned = realm({ algorithms: ALL }, [{ ...rsa.jwk, alg: "RS256" }]).guard;
    expect(await pinned.verify(token("RS256", rsa))).toMatchObject({ ok: true });
    expect(await pinned.verify(token("PS256", rsa))).toEqual({ ok: false, reason: "the token's algorithm does not fit its key" });
  });

  it("refuses an RSA key below 2048 bits", async () => {
    const small = key("small", generateKeyPairSync("rsa", { modulusLength: 1536 }));
    expect(await realm({ algorithms: ALL }, [small.jwk]).guard.verify(token("RS256", small))).toEqual({ ok: false, reason: "the token's algorithm does not fit its key" });
  });

  it("never takes a private key for a public one", () => {
    expect(keyFits(ALGORITHMS.RS256!, rsa.privateKey)).toBe(false);
    expect(keyFits(ALGORITHMS.EdDSA!, ed.privateKey)).toBe(false);
  });
});
