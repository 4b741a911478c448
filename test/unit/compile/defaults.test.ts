// What a policy that leaves its options out asks of the realm: each default, pinned. The example
// policy spells nearly every option out, so only a minimal one shows a changed default.
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { MINIMAL, minimal, policyOf } from "../policy/minimal.js";

describe("the realm a minimal policy asks for", () => {
  it("locks accounts out for a while, never for good, after five failures", () => {
    expect(compileRealm(minimal()).realm).toMatchObject({
      bruteForceProtected: true,
      failureFactor: 5,
      waitIncrementSeconds: 60,
      maxFailureWaitSeconds: 15 * 60,
      maxDeltaTimeSeconds: 12 * 3600,
      permanentLockout: false,
      maxSecondaryAuthFailures: 0,
    });
  });

  it("takes TOTP as six digits of SHA-1 every 30 s, one step of look-ahead, codes not reusable", () => {
    expect(compileRealm(minimal()).realm).toMatchObject({
      otpPolicyType: "totp",
      otpPolicyAlgorithm: "HmacSHA1",
      otpPolicyDigits: 6,
      otpPolicyPeriod: 30,
      otpPolicyLookAheadWindow: 1,
      otpPolicyCodeReusable: false,
    });
  });

  it("asks security keys for user verification if they can, passkeys always, no attestation, any attachment", () => {
    expect(compileRealm(minimal()).realm).toMatchObject({
      webAuthnPolicyRpEntityName: "keycloak",
      webAuthnPolicyRpId: "",
      webAuthnPolicyUserVerificationRequirement: "preferred",
      webAuthnPolicyAttestationConveyancePreference: "none",
      webAuthnPolicyResidentKey: "discouraged",
      webAuthnPolicyAuthenticatorAttachment: "not specified",
      webAuthnPolicyPasswordlessRpEntityName: "keycloak",
      webAuthnPolicyPasswordlessRpId: "",
      webAuthnPolicyPasswordlessUserVerificationRequirement: "required",
      webAuthnPolicyPasswordlessAttestationConveyancePreference: "none",
      webAuthnPolicyPasswordlessResidentKey: "required",
      webAuthnPolicyPasswordlessAuthenticatorAttachment: "not specified",
      webAuthnPolicyPasswordlessPasskeysEnabled: false,
    });
  });

  it("keeps login events for 30 days and admin events without representations, and leaves the event types alone", () => {
    const { events } = compileRealm(minimal());
    expect(events).toEqual({ eventsEnabled: true, eventsExpiration: 30 * 86400, adminEventsEnabled: true, adminEventsDetailsEnabled: false });
  });

  it("turns on the set-up actions of enabled factors only, and sets no theme", () => {
    const desired = compileRealm(minimal());
    expect(desired.requiredActions).toMatchObject({
      CONFIGURE_TOTP: { enabled: true },
      "webauthn-register": { enabled: true },
      "webauthn-register-passwordless": { enabled: false },
      CONFIGURE_RECOVERY_AUTHN_CODES: { enabled: false },
    });
    expect(desired.realm).not.toHaveProperty("loginTheme");
  });

  it("maps each acr value, aliases included, to its level's rank", () => {
    const policy = policyOf(MINIMAL.replace("acr: [urn:high]", "acr: [urn:high, urn:alias]"));
    expect(JSON.parse(compileRealm(policy).realm["attributes.acr.loa.map"] as string)).toEqual({ "urn:low": 1, "urn:high": 2, "urn:alias": 2 });
  });
});

describe("the realm a policy's spelled-out options ask for", () => {
  it("passes TOTP, WebAuthn, lockout, event and theme settings through", () => {
    const policy = policyOf(`${MINIMAL}theme: ours
factors:
  password: {}
  totp: { algorithm: SHA512, digits: 8, period: 60, lookAhead: 2, codeReuse: true }
  webauthn: { rpName: Acme, rpId: acme.test, userVerification: required, attestation: direct, residentKey: preferred, authenticatorAttachment: cross-platform }
  passkey: { authenticatorAttachment: platform }
protection:
  bruteForce: { enabled: false, maxFailures: 3, waitIncrement: 2m, maxWait: 1h, failureReset: 1d, permanentLockout: true, secondFactorMaxFailures: 7 }
audit:
  loginEvents: { enabled: false, expiration: 7d, types: [LOGIN_ERROR, LOGIN] }
  adminEvents: { enabled: false, includeRepresentation: true }
`.replace(/factors:\n {2}password: \{\}\n {2}totp: \{\}\n {2}webauthn: \{\}\n/, ""));
    const desired = compileRealm(policy);
    expect(desired.realm).toMatchObject({
      loginTheme: "ours",
      otpPolicyAlgorithm: "HmacSHA512", otpPolicyDigits: 8, otpPolicyPeriod: 60, otpPolicyLookAheadWindow: 2, otpPolicyCodeReusable: true,
      webAuthnPolicyRpEntityName: "Acme", webAuthnPolicyRpId: "acme.test", webAuthnPolicyUserVerificationRequirement: "required",
      webAuthnPolicyAttestationConveyancePreference: "direct", webAuthnPolicyResidentKey: "preferred", webAuthnPolicyAuthenticatorAttachment: "cross-platform",
      webAuthnPolicyPasswordlessAuthenticatorAttachment: "platform",
      bruteForceProtected: false, failureFactor: 3, waitIncrementSeconds: 120, maxFailureWaitSeconds: 3600, maxDeltaTimeSeconds: 86400,
      permanentLockout: true, maxSecondaryAuthFailures: 7,
    });
    expect(desired.events).toEqual({ eventsEnabled: false, eventsExpiration: 7 * 86400, enabledEventTypes: ["LOGIN", "LOGIN_ERROR"], adminEventsEnabled: false, adminEventsDetailsEnabled: true });
    expect(desired.requiredActions).toMatchObject({ "webauthn-register-passwordless": { enabled: true } });
  });

  it("names SHA-256 TOTP as Keycloak does", () => {
    const policy = policyOf(MINIMAL.replace("  totp: {}", "  totp: { algorithm: SHA256 }"));
    expect(compileRealm(policy).realm.otpPolicyAlgorithm).toBe("HmacSHA256");
  });
});
