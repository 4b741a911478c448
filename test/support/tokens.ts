// Signing JWTs in-process, for guard tests and the guard benchmark: key pairs, their JWKS, and
// compact tokens with any header, payload and signature the test needs (including wrong ones).
import { constants, createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";

export interface TestKey {
  readonly kid: string;
  readonly alg: "RS256" | "PS256" | "ES256" | "EdDSA";
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public JWK as a realm's JWKS lists it. */
  readonly jwk: Record<string, unknown>;
}

export function testKey(alg: TestKey["alg"], kid = `${alg.toLowerCase()}-${randomUUID().slice(0, 8)}`): TestKey {
  const pair =
    alg === "ES256"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : alg === "EdDSA"
        ? generateKeyPairSync("ed25519")
        : generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, alg, ...pair, jwk: { ...pair.publicKey.export({ format: "jwk" }), kid, alg, use: "sig" } };
}

export const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** Signs `header.payload` with the key's algorithm; the header is taken as given (kid and alg included). */
export function signWith(key: TestKey, header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const data = Buffer.from(input);
  const signature =
    key.alg === "ES256"
      ? sign("sha256", data, { key: key.privateKey, dsaEncoding: "ieee-p1363" })
      : key.alg === "PS256"
        ? sign("sha256", data, { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST })
        : key.alg === "EdDSA"
          ? sign(null, data, key.privateKey)
          : sign("sha256", data, key.privateKey);
  return `${input}.${signature.toString("base64url")}`;
}

/** HS256 over `header.payload` with the given secret: how an HMAC/public-key confusion attack signs. */
export function hmacSign(secret: string | Buffer, header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/** A payload shaped like a Keycloak 26 access token, issued now and valid five minutes. */
export function keycloakClaims(issuer: string, audience: string, nowSeconds: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    exp: nowSeconds + 300,
    iat: nowSeconds,
    auth_time: nowSeconds - 5,
    jti: randomUUID(),
    iss: issuer,
    aud: [audience, "account"],
    sub: randomUUID(),
    typ: "Bearer",
    azp: "orders-spa",
    sid: randomUUID(),
    acr: "urn:example:loa:1",
    "allowed-origins": ["https://app.example.test"],
    realm_access: { roles: ["default-roles-acme", "offline_access", "uma_authorization"] },
    resource_access: { account: { roles: ["manage-account", "manage-account-links", "view-profile"] } },
    scope: "openid profile email",
    email_verified: true,
    name: "Alice Example",
    preferred_username: "alice",
    given_name: "Alice",
    family_name: "Example",
    email: "alice@example.test",
    ...extra,
  };
}
