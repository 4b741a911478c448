// The checked policy of a minimal file: every option it leaves out, filled in with its default.
import { MINIMAL, minimal, policyOf } from "./minimal.js";

describe("the defaults of a policy", () => {
  it("lock accounts temporarily, never permanently", () => {
    expect(minimal().bruteForce).toEqual({ enabled: true, maxFailures: 5, waitIncrement: 60, maxWait: 900, failureReset: 43200, permanentLockout: false, secondFactorMaxFailures: 0 });
  });

  it("let the longest wait equal the first one (a lock that does not grow)", () => {
    const p = policyOf(`${MINIMAL}protection:\n  bruteForce: { waitIncrement: 2m, maxWait: 120 }\n`);
    expect(p.bruteForce).toMatchObject({ waitIncrement: 120, maxWait: 120 });
  });

  it("make a tier wait for its enrolment, and let it use every enabled factor", () => {
    expect(minimal().tiers).toEqual([
      expect.objectContaining({ tier: 1, name: "staff", group: "staff", role: undefined, require: ["totp", "webauthn"], allow: ["password", "totp", "webauthn"], blockUntilEnrolled: true }),
    ]);
    expect(policyOf(MINIMAL.replace("require: [totp, webauthn] }", "require: [totp, webauthn], blockUntilEnrolled: false }")).tiers[0]!.blockUntilEnrolled).toBe(false);
    expect(policyOf(MINIMAL.replace("require: [totp, webauthn] }", "}")).tiers[0]!.require).toEqual([]);
  });

  it("enrol a user who lacks a step-up factor, unless the policy says deny", () => {
    expect(minimal().missingFactor).toBe("enroll");
    expect(policyOf(`${MINIMAL}stepUp: { missingFactor: deny }\n`).missingFactor).toBe("deny");
  });

  it("take the usual TOTP, security-key and passkey settings, four recovery codes' warning", () => {
    const p = minimal();
    expect(p.totp).toEqual({ algorithm: "SHA1", digits: 6, period: 30, lookAhead: 1, codeReuse: false });
    expect(p.webauthn).toEqual({ rpName: "keycloak", rpId: "", userVerification: "preferred", attestation: "none", residentKey: "discouraged", authenticatorAttachment: "any" });
    expect(p.passkey).toEqual({ rpName: "keycloak", rpId: "", userVerification: "required", attestation: "none", residentKey: "required", authenticatorAttachment: "any" });
    expect(p.recoveryCodes).toEqual({ warningThreshold: 4 });
  });

  it("keep login events 30 days of every type Keycloak logs by default, admin events without representations", () => {
    expect(minimal().audit).toEqual({ loginEvents: { enabled: true, expiration: 30 * 86400, types: [] }, adminEvents: { enabled: true, includeRepresentation: false } });
  });

  it("enable the password and the factors listed under factors, in a fixed order, and no others", () => {
    expect(minimal().enabledFactors).toEqual(["password", "totp", "webauthn"]);
    const off = policyOf(MINIMAL.replace("  webauthn: {}\n", "  webauthn: {}\n  passkey: { enabled: false }\n  recovery-codes: {}\n"));
    expect(off.enabledFactors).toEqual(["password", "totp", "webauthn", "recovery-codes"]);
  });

  it("leave realm, theme, languages, identity providers and the API out", () => {
    const p = minimal();
    expect([p.realm, p.theme, p.languages, p.api]).toEqual([undefined, undefined, undefined, undefined]);
    expect(p.identityProviders).toEqual([]);
    expect(p).not.toHaveProperty("api");
    expect(p).not.toHaveProperty("languages");
  });

  it("rank levels by their position, with maxAge in seconds", () => {
    expect(minimal().levels).toEqual([
      { name: "low", rank: 1, acr: ["urn:low"], factors: ["password"], maxAge: 3600 },
      { name: "high", rank: 2, acr: ["urn:high"], factors: ["totp", "webauthn"], maxAge: 300 },
    ]);
  });

  it("give clients their levels, and none where the policy names none", () => {
    const [app, legacy] = minimal().clients;
    expect(app).toEqual({ clientId: "app", defaultLevel: expect.objectContaining({ name: "high" }), minimumLevel: expect.objectContaining({ name: "high" }), redirectUris: ["https://app.test/*"] });
    expect(legacy).toEqual({ clientId: "legacy", defaultLevel: undefined, minimumLevel: undefined, redirectUris: undefined });
  });

  it("sort tiers by number whatever their order in the file", () => {
    const p = policyOf(MINIMAL.replace("tiers:\n", "tiers:\n  - { tier: 3, name: everyone, group: all, level: low }\n  - { tier: 0, name: admins, role: admin, level: high }\n"));
    expect(p.tiers.map((t) => [t.tier, t.group, t.role])).toEqual([[0, undefined, "admin"], [1, "staff", undefined], [3, "all", undefined]]);
  });
});
