import { formatCode, recoveryCodesText } from "../src/login/recoveryCodes";
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

describe("base64url", () => {
  it("round-trips bytes without padding and accepts padded or plain base64", () => {
    const bytes = new Uint8Array([251, 255, 0, 1, 2]);
    expect(encode(bytes)).toBe("-_8AAQI");
    expect(decode("-_8AAQI")).toEqual(bytes);
    expect(decode("+/8AAQI=")).toEqual(bytes);
  });
});
