// One token, one spelling. Node's base64url decoder also takes "+", "/", "=", white space, unknown
// characters (it skips them) and any value of a segment's unused low bits, so a token re-spelled in
// those ways decodes to the very bytes that were signed. The guard must accept only the spelling
// RFC 7515 defines, or deny-lists and replay caches keyed on the token can be walked around.
import { b64url } from "../../support/tokens.js";
import { accessToken, bearer, REALM_EC, realm } from "./fixture.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const good = { acr: "urn:example:loa:2", scope: "openid orders:refund" };

// A token whose signature has both "-" and "_", so that every re-spelling below changes it.
function tokenWithDashAndUnderscore(...args: Parameters<typeof accessToken>): string {
  for (;;) {
    const token = accessToken(...args);
    const signature = token.split(".")[2]!;
    if (signature.includes("-") && signature.includes("_")) return token;
  }
}
const token = tokenWithDashAndUnderscore(good);
const [header, payload, signature] = token.split(".") as [string, string, string];
const withSignature = (s: string) => `${header}.${payload}.${s}`;
/** The same segment with the unused low bits of its last character set. */
const lastBitsSet = (segment: string) => segment.slice(0, -1) + ALPHABET[ALPHABET.indexOf(segment.at(-1)!) | 1];

const NOT_BASE64URL = /not three segments of unpadded base64url/;
const NOT_CANONICAL = /not in its canonical spelling/;

interface Respelling {
  readonly name: string;
  readonly token: string;
  readonly reason: RegExp;
  /** Whether Node's lenient decoder reads the same signature bytes from it (the old guard took those). */
  readonly sameBytes: boolean;
}

const respellings: Respelling[] = [
  { name: "the signature in base64's + and / for - and _", token: withSignature(signature.replaceAll("-", "+").replaceAll("_", "/")), reason: NOT_BASE64URL, sameBytes: true },
  { name: "only one + for a -", token: withSignature(signature.replace("-", "+")), reason: NOT_BASE64URL, sameBytes: true },
  { name: "= padding", token: withSignature(`${signature}==`), reason: NOT_BASE64URL, sameBytes: true },
  { name: "a run of =", token: withSignature(`${signature}====`), reason: NOT_BASE64URL, sameBytes: true },
  { name: "= padding on the payload", token: `${header}.${payload}=.${signature}`, reason: NOT_BASE64URL, sameBytes: false },
  { name: "a ~ inside the signature", token: withSignature(`${signature.slice(0, 40)}~${signature.slice(40)}`), reason: NOT_BASE64URL, sameBytes: true },
  { name: "a space inside the signature", token: withSignature(`${signature.slice(0, 40)} ${signature.slice(40)}`), reason: NOT_BASE64URL, sameBytes: true },
  { name: "a tab inside the signature", token: withSignature(`${signature.slice(0, 40)}\t${signature.slice(40)}`), reason: NOT_BASE64URL, sameBytes: true },
  { name: "a line break inside the signature", token: withSignature(`${signature.slice(0, 40)}\r\n${signature.slice(40)}`), reason: NOT_BASE64URL, sameBytes: true },
  { name: "a space inside the payload", token: `${header}.${payload.slice(0, 20)} ${payload.slice(20)}.${signature}`, reason: NOT_BASE64URL, sameBytes: false },
  { name: "a character above U+00FF after the signature", token: withSignature(`${signature}\u0141`), reason: NOT_BASE64URL, sameBytes: false },
  {
    // Written as latin1 for the signing input, U+0145 is the byte of "E": the signed bytes stay the same.
    name: "a header character above U+00FF whose low byte is the original's",
    token: `${header.slice(0, 5)}${String.fromCharCode(0x100 + header.charCodeAt(5))}${header.slice(6)}.${payload}.${signature}`,
    reason: NOT_BASE64URL,
    sameBytes: false,
  },
  { name: "a Latin-1 letter in the payload", token: `${header}.${payload.slice(0, 20)}\u00e9${payload.slice(20)}.${signature}`, reason: NOT_BASE64URL, sameBytes: false },
  { name: "the signature's unused low bits set", token: withSignature(lastBitsSet(signature)), reason: NOT_CANONICAL, sameBytes: true },
  { name: "a signature whose length no base64url has (1 mod 4)", token: withSignature(`${signature}AAA`), reason: NOT_CANONICAL, sameBytes: false },
];

describe("one spelling per token", () => {
  const r = realm();

  it("accepts the token as signed (control)", async () => {
    expect(await r.guard.verify(token)).toMatchObject({ ok: true });
  });

  it("has re-spellings that Node's decoder reads as the very same signature", () => {
    for (const { token: t, sameBytes } of respellings) {
      if (sameBytes) expect(Buffer.from(t.split(".")[2]!, "base64url")).toEqual(Buffer.from(signature, "base64url"));
    }
  });

  it.each(respellings)("refuses $name", async ({ token: t, reason }) => {
    expect(t).not.toBe(token);
    expect(await r.guard.verify(t)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it.each(respellings.filter((c) => !/\s/.test(c.token)))("refuses $name as 401 invalid_token in a Bearer header", async ({ token: t }) => {
    const result = await r.guard.authorize({ method: "POST", target: "/api/orders/42/refund", authorization: bearer(t) });
    expect(result).toMatchObject({ ok: false, answer: { status: 401, body: { error: "invalid_token" } } });
  });

  it("refuses non-canonical last characters in every segment, for RS256 and ES256 alike", async () => {
    for (const signed of [tokenWithDashAndUnderscore(good), tokenWithDashAndUnderscore(good, REALM_EC)]) {
      const segments = signed.split(".");
      for (const [i, segment] of segments.entries()) {
        if (segment.length % 4 === 0) continue; // no unused bits: one spelling already
        const respelled = segments.map((s, j) => (j === i ? lastBitsSet(s) : s)).join(".");
        expect(await r.guard.verify(respelled)).toEqual({ ok: false, reason: expect.stringMatching(NOT_CANONICAL) });
      }
      expect(await r.guard.verify(signed)).toMatchObject({ ok: true });
    }
  });

  it.each([
    ["null", "the token header is not a JSON object"],
    ["true", "the token header is not a JSON object"],
    ["7", "the token header is not a JSON object"],
    ["[]", "the token header is not a JSON object"],
    ['"RS256"', "the token header is not a JSON object"],
    ["{", "the token header is not JSON"],
  ])("refuses the header %s as invalid_token, without throwing", async (json, reason) => {
    const t = `${b64url(json)}.${payload}.${signature}`;
    expect(await r.guard.verify(t)).toEqual({ ok: false, reason });
    const result = await r.guard.authorize({ method: "POST", target: "/api/orders/42/refund", authorization: bearer(t) });
    expect(result).toMatchObject({ ok: false, answer: { status: 401, body: { error: "invalid_token", error_description: reason } } });
  });
});
