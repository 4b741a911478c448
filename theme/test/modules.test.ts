import { parseThemePolicy } from "../src/login/policyFacts";
import { formatCode, normaliseRecoveryCode, recoveryCodesText } from "../src/login/recoveryCodes";
import { recordSetupStep, rememberedUsername, rememberUsername } from "../src/login/tabMemory";
import { authenticationTabId, hasSsoSession, isStepUp, rememberFirstFactorShown } from "../src/login/stepUp";
import { decode, encode } from "../src/login/webauthn/base64url";

const action = (tab: string) => `https://sso/realms/r/login-actions/authenticate?session_code=a&tab_id=${tab}&client_id=c`;
const memoryStorage = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

describe("step-up rule", () => {
  it("needs both an SSO session cookie and no first-factor page in this authentication", () => {
    const storage = memoryStorage();
    const signedIn = { cookie: "KC_AUTH_SESSION_HASH=x; KEYCLOAK_SESSION=realm/user/abc", storage };
    expect(isStepUp(action("T1"), signedIn)).toBe(true);
    rememberFirstFactorShown(action("T1"), signedIn);
    expect(isStepUp(action("T1"), signedIn)).toBe(false);
    expect(isStepUp(action("T2"), signedIn)).toBe(true);
    expect(isStepUp(action("T3"), { cookie: "KC_AUTH_SESSION_HASH=x", storage })).toBe(false);
  });

  it("reads the tab id and the session cookie strictly", () => {
    expect(authenticationTabId(action("abc"))).toBe("abc");
    expect(authenticationTabId("#")).toBeUndefined();
    expect(hasSsoSession("KEYCLOAK_SESSION=")).toBe(false);
    expect(hasSsoSession("KEYCLOAK_SESSION_X=1")).toBe(false);
    expect(hasSsoSession("a=1; KEYCLOAK_SESSION=v")).toBe(true);
  });

  it("keeps the ten most recent authentications and survives corrupt storage", () => {
    const storage = memoryStorage();
    const state = { cookie: "KEYCLOAK_SESSION=v", storage };
    for (let i = 0; i < 12; i++) rememberFirstFactorShown(action(`T${i}`), state);
    expect(JSON.parse(storage.getItem("kc-assurance.first-factor-tabs") ?? "")).toHaveLength(10);
    storage.setItem("kc-assurance.first-factor-tabs", "{not json");
    expect(isStepUp(action("T11"), state)).toBe(true);
  });
});

describe("recovery codes", () => {
  it("are grouped in fours and written out numbered", () => {
    expect(formatCode("ABCD1234EFGH")).toBe("ABCD-1234-EFGH");
    const codes = Array.from({ length: 12 }, (_, i) => `CODE${String(i).padStart(8, "0")}`);
    const text = recoveryCodesText(codes, { title: "T", note: "N", date: "D" });
    expect(text.split("\n").slice(0, 4)).toEqual(["T", "", " 1. CODE-0000-0000", " 2. CODE-0000-0001"]);
    expect(text).toContain("12. CODE-0000-0011\n\nN\nD\n");
  });
});

describe("recovery code input", () => {
  it("corrects case and separators only", () => {
    expect(normaliseRecoveryCode("abcd-efgh-jk12")).toEqual({ ok: true, code: "ABCDEFGHJK12" });
    expect(normaliseRecoveryCode(" ab cd\u00a0ef gh\u2013jk 12 ")).toEqual({ ok: true, code: "ABCDEFGHJK12" });
    expect(normaliseRecoveryCode("")).toEqual({ ok: false, problem: "empty" });
    expect(normaliseRecoveryCode("ABCD-EFGH-JKO2")).toEqual({ ok: false, problem: "characters" });
    expect(normaliseRecoveryCode("ABCD-EFGH-JK0Z")).toEqual({ ok: false, problem: "characters" });
    expect(normaliseRecoveryCode("ABCD-EFGH-JK1")).toEqual({ ok: false, problem: "length" });
    // I and 1, S and 5 are both in Keycloak's alphabet: left as typed.
    expect(normaliseRecoveryCode("IIII-1111-SSS5")).toEqual({ ok: true, code: "IIII1111SSS5" });
  });
});

describe("policy facts", () => {
  it("reads version 1 and ignores what it does not know", () => {
    expect(parseThemePolicy(undefined)).toBeUndefined();
    expect(parseThemePolicy("")).toBeUndefined();
    expect(parseThemePolicy("{not json")).toBeUndefined();
    expect(parseThemePolicy(JSON.stringify({ v: 2, asked: { totp: "step-up" } }))).toBeUndefined();
    expect(
      parseThemePolicy(JSON.stringify({ v: 1, asked: { totp: "step-up", webauthn: "sometimes", sms: "every-sign-in" }, recoveryCodes: { replaces: ["totp", "sms"], notFor: "webauthn" } })),
    ).toEqual({ asked: { totp: "step-up" }, recoveryCodes: { replaces: ["totp"], notFor: [] } });
  });
});

describe("tab memory", () => {
  it("remembers the user and the set-up pages of one authentication", () => {
    const storage = memoryStorage();
    rememberUsername(action("T1"), "ada", storage);
    expect(rememberedUsername(action("T1"), storage)).toBe("ada");
    expect(rememberedUsername(action("T2"), storage)).toBeUndefined();
    expect(recordSetupStep(action("T1"), "webauthn", storage)).toEqual(["webauthn"]);
    expect(recordSetupStep(action("T1"), "totp", storage)).toEqual(["webauthn", "totp"]);
    // The same page again (a wrong code) keeps its place.
    expect(recordSetupStep(action("T1"), "totp", storage)).toEqual(["webauthn", "totp"]);
    expect(recordSetupStep(action("T1"), "recovery-codes", storage)).toEqual(["webauthn", "totp", "recovery-codes"]);
    expect(rememberedUsername(action("T1"), storage)).toBe("ada");
    expect(recordSetupStep("#", "totp", storage)).toEqual(["totp"]);
  });
});

describe("base64url", () => {
  it("round-trips bytes without padding and accepts padded or plain base64", () => {
    const bytes = new Uint8Array([251, 255, 0, 1, 2]);
    expect(encode(bytes)).toBe("-_8AAQI");
    expect(decode("-_8AAQI")).toEqual(bytes);
    expect(decode("+/8AAQI=")).toEqual(bytes);
  });
});
