// The signature algorithms the guard can verify, each tied to the one key type it may use. There is
// no HMAC here at all: a verifier that holds only public keys must never accept a shared-secret
// algorithm, or anyone could sign with the public key as the secret.
import { constants, verify, type KeyObject, type VerifyKeyObjectInput } from "node:crypto";

export interface Algorithm {
  /** What a KeyObject for this algorithm reports as asymmetricKeyType. */
  readonly keyType: "rsa" | "ec" | "ed25519";
  /** The EC curve, as KeyObject.asymmetricKeyDetails.namedCurve names it. */
  readonly curve?: string;
  /** Digest for crypto.verify; null where the scheme hashes by itself (EdDSA). */
  readonly digest: string | null;
  /** Verification options besides the key. */
  readonly options: Omit<VerifyKeyObjectInput, "key">;
}

const rs = (digest: string): Algorithm => ({ keyType: "rsa", digest, options: {} });
const ps = (digest: string): Algorithm => ({
  keyType: "rsa",
  digest,
  options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
});
// JWS carries ECDSA signatures as fixed-size r||s, not DER.
const es = (digest: string, curve: string): Algorithm => ({ keyType: "ec", curve, digest, options: { dsaEncoding: "ieee-p1363" } });

export const ALGORITHMS: Readonly<Record<string, Algorithm>> = {
  RS256: rs("sha256"),
  RS384: rs("sha384"),
  RS512: rs("sha512"),
  PS256: ps("sha256"),
  PS384: ps("sha384"),
  PS512: ps("sha512"),
  ES256: es("sha256", "prime256v1"),
  ES384: es("sha384", "secp384r1"),
  ES512: es("sha512", "secp521r1"),
  EdDSA: { keyType: "ed25519", digest: null, options: {} },
  Ed25519: { keyType: "ed25519", digest: null, options: {} },
};

/** What Keycloak signs with by default, plus the usual asymmetric alternatives. */
export const DEFAULT_ALGORITHMS: readonly string[] = ["RS256", "PS256", "ES256", "EdDSA"];

/** RSA keys below this size are refused outright (RFC 7518 §3.3 asks for 2048 bits). */
export const MIN_RSA_BITS = 2048;

/** Whether a public key may be used with an algorithm. */
export function keyFits(algorithm: Algorithm, key: KeyObject): boolean {
  if (key.type !== "public" || key.asymmetricKeyType !== algorithm.keyType) return false;
  const details = key.asymmetricKeyDetails;
  // Stryker disable next-line OptionalChaining: Node gives every RSA, EC and Ed25519 KeyObject its asymmetricKeyDetails
  if (algorithm.keyType === "rsa") return (details?.modulusLength ?? 0) >= MIN_RSA_BITS;
  // Stryker disable next-line ConditionalExpression,OptionalChaining: Ed25519 keys name no curve, like their algorithms; details are always there (above)
  if (algorithm.curve !== undefined) return details?.namedCurve === algorithm.curve;
  return true;
}

/** A verifier bound to one key and algorithm, with its options built once. */
export function verifier(algorithm: Algorithm, key: KeyObject): (data: Uint8Array, signature: Uint8Array) => boolean {
  const input: VerifyKeyObjectInput = { ...algorithm.options, key };
  return (data, signature) => verify(algorithm.digest, data, input, signature);
}
