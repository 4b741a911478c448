// The realm's signing keys: fetched once and kept, fetched again for an unknown kid at most once per
// cooldown, refreshed in the background when old, and a key rotation keeps good tokens working.
import { importJwks } from "../../../guard/keys/jwks.js";
import { testKey } from "../../support/tokens.js";
import { accessToken, bearer, realm, REALM_EC, REALM_RSA } from "./fixture.js";

const rotated = testKey("RS256", "realm-rs256-next");
const verdict = async (r: ReturnType<typeof realm>, token: string) => {
  const result = await r.guard.authorize({ method: "GET", target: "/api/orders", authorization: bearer(token) });
  return result.ok ? 200 : `${result.answer.status} ${result.answer.body.error_description}`;
};
const level1 = { acr: "urn:example:loa:1" };

describe("the key cache", () => {
  it("fetches the key set once and then verifies from memory", async () => {
    const r = realm();
    for (let i = 0; i < 5; i++) expect(await verdict(r, accessToken(level1))).toBe(200);
    expect(await verdict(r, accessToken(level1, REALM_EC))).toBe(200);
    expect(r.fetches()).toBe(1);
  });

  it("answers synchronously once the key is held", async () => {
    const r = realm();
    await r.guard.verify(accessToken(level1));
    expect(r.guard.verify(accessToken(level1))).not.toBeInstanceOf(Promise);
  });

  it("shares one fetch among concurrent requests", async () => {
    const r = realm();
    const results = await Promise.all(Array.from({ length: 10 }, () => verdict(r, accessToken(level1))));
    expect(results).toEqual(Array(10).fill(200));
    expect(r.fetches()).toBe(1);
  });

  it("fetches again for an unknown kid at most once per cooldown", async () => {
    const r = realm({ jwks: { cooldownSeconds: 30 } });
    await verdict(r, accessToken(level1));
    r.advance(30);
    const forged = accessToken(level1, testKey("RS256", "unknown-kid"));
    expect(await verdict(r, forged)).toBe("401 the token is signed with a key the realm does not have");
    expect(r.fetches()).toBe(2);
    for (let i = 0; i < 20; i++) await verdict(r, forged);
    r.advance(29);
    await verdict(r, forged);
    expect(r.fetches()).toBe(2);
    r.advance(1);
    await verdict(r, forged);
    expect(r.fetches()).toBe(3);
  });

  it("keeps good tokens working through a rotation: a new key is fetched at its first use, the old one works while published", async () => {
    const r = realm();
    const before = accessToken(level1);
    expect(await verdict(r, before)).toBe(200);
    r.advance(60);
    r.publish([REALM_RSA.jwk, rotated.jwk]); // Keycloak adds the new key, then retires the old
    expect(await verdict(r, accessToken(level1, rotated))).toBe(200);
    expect(await verdict(r, before)).toBe(200);
    expect(r.fetches()).toBe(2);
  });

  it("stops accepting a removed key after the background refresh that follows maxAge", async () => {
    const r = realm({ jwks: { maxAgeSeconds: 120 } });
    const old = accessToken(level1);
    expect(await verdict(r, old)).toBe(200);
    r.publish([rotated.jwk]);
    r.advance(121);
    // This request still uses the keys held and starts the refresh; the next sees its result.
    expect(await verdict(r, old)).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.fetches()).toBe(2);
    expect(await verdict(r, old)).toBe("401 the token is signed with a key the realm does not have");
  });

  it("answers 503 while the key set cannot be fetched, and recovers after the cooldown", async () => {
    const r = realm({ jwks: { cooldownSeconds: 10 } });
    r.fail(true);
    const result = await r.guard.authorize({ method: "GET", target: "/api/orders", authorization: bearer(accessToken(level1)) });
    expect(result).toMatchObject({ ok: false, answer: { status: 503, body: { error: "temporarily_unavailable" } } });
    r.fail(false);
    expect(await verdict(r, accessToken(level1))).toMatch(/^503/); // within the cooldown: no new fetch
    r.advance(10);
    expect(await verdict(r, accessToken(level1))).toBe(200);
  });

  it("answers 503 when the key set endpoint answers with an error", async () => {
    const r = realm({ jwksUri: "https://sso.example.test/elsewhere" });
    expect(await verdict(r, accessToken(level1))).toMatch(/^503/);
  });
});

describe("importJwks", () => {
  it("keeps public signing keys and leaves out symmetric, encryption-only, verify-less and unreadable ones", () => {
    const keys = importJwks({
      keys: [
        REALM_RSA.jwk,
        { ...REALM_EC.jwk, use: undefined },
        { kty: "oct", kid: "hmac", k: "c2VjcmV0" },
        { ...rotated.jwk, kid: "enc", use: "enc" },
        { ...rotated.jwk, kid: "wrap-only", key_ops: ["wrapKey"] },
        { kty: "RSA", kid: "broken", n: "AQAB" },
        { ...rotated.jwk, kid: undefined },
      ],
    });
    expect([...keys.keys()]).toEqual([REALM_RSA.kid, REALM_EC.kid]);
    expect(keys.get(REALM_RSA.kid)).toMatchObject({ alg: "RS256" });
  });

  it("reads anything that is not a key set as no keys", () => {
    for (const body of [null, "keys", { keys: "x" }, []]) expect(importJwks(body).size).toBe(0);
  });
});
