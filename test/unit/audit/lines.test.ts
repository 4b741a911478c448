// kc-assurance audit's reading of events into lines, on events a real Keycloak wrote (observed-events.ts).
import { readFileSync } from "node:fs";
import { coverageWarnings } from "../../../provisioning/audit/coverage.js";
import { AUDITED_LOGIN_EVENTS, auditLines, type AuditLine, type LoginEvent, type Lookup } from "../../../provisioning/audit/lines.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { renderAudit, renderCsv, renderTable } from "../../../provisioning/audit/render.js";
import { sinceTime } from "../../../provisioning/cli/audit-commands.js";
import { ADMIN_EVENTS, LOGIN_EVENTS, RECOVERY_SIGN_IN, USERS } from "./observed-events.js";

const SAM_APP = "4eab76f1-39ba-46ab-b0ec-6c83883b16b2";
const lookup: Lookup = {
  username: (id) => USERS[id],
  // sam's app is still there; avery's first app was removed by the admin (its id only in that event).
  credentialType: (_user, id) => (id === SAM_APP ? "otp" : undefined),
  clientId: (id) => ({ "67adcdad-7b04-4a7b-ae9c-d390bb1af6fd": "kc-assurance-cli", "575f916a-2307-4923-a882-78a5ff91c165": "admin-cli" })[id],
};
const lines = auditLines(LOGIN_EVENTS, ADMIN_EVENTS, lookup);
const short = (l: AuditLine) => `${l.user} ${l.kind}: ${l.what} [${l.factor}] ${l.result}`;

describe("audit lines from observed events", () => {
  it("tells the whole story, oldest first, one line per thing that happened", () => {
    expect(lines.map(short)).toEqual([
      "avery enrolment: set up authenticator app (TOTP) [totp] ok",
      "avery enrolment: set up recovery codes [recovery-codes] ok",
      "avery second-factor: signed in after setting up recovery codes [recovery-codes] ok",
      "avery failed-challenge: wrong authenticator app code [totp] failed: invalid_user_credentials",
      "avery enrolment: set up authenticator app (TOTP) [totp] ok",
      "avery enrolment: set up recovery codes [recovery-codes] ok",
      "avery second-factor: signed in after setting up recovery codes [recovery-codes] ok",
      "sam enrolment: set up authenticator app (TOTP) [totp] ok",
      "sam step-up: completed a step-up after setting up authenticator app (TOTP) [totp] ok",
      "sam step-up: completed a step-up with authenticator app (TOTP) [totp] ok",
      "sam failed-challenge: wrong password [password] failed: invalid_user_credentials",
      "sam failed-challenge: wrong password [password] failed: invalid_user_credentials",
      "sam failed-challenge: wrong password [password] failed: invalid_user_credentials",
      "sam failed-challenge: wrong password [password] failed: invalid_user_credentials",
      "sam failed-challenge: wrong password [password] failed: invalid_user_credentials",
      "sam lockout: locked out after 5 failed attempts until 2026-11-30T05:46:46 (server time) [] ok",
      "sam lockout: sign-in refused: the account is locked for now [] failed: user_temporarily_disabled",
      "avery removal: an admin removed authenticator app (TOTP) \"Phone\" [totp] ok",
      "sam admin-reset: MFA reset d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a requested by alice: totp; reason \"lost phone\", ticket INC-1, proofing video check 7; 1 approval(s) needed [] ok",
      "sam admin-reset: MFA reset d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a approved by bob (1 of 1) [] ok",
      "sam removal: removed authenticator app (TOTP) by the MFA reset d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a [totp] ok",
      "sam admin-reset: MFA reset d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a carried out (approved by bob): removed otp, 2 session(s) ended; e-mail: no: the realm has no SMTP settings [] ok",
    ]);
  });

  it("names time, client, IP and who acted; the level where Keycloak records it", () => {
    const stepUp = lines.find((l) => l.kind === "step-up" && l.client === "admin-portal")!;
    expect(stepUp).toEqual({
      time: "2026-11-30T05:45:23.938Z", user: "sam", kind: "step-up", what: "completed a step-up with authenticator app (TOTP)", factor: "totp",
      client: "admin-portal", level: "not recorded", ip: "10.88.0.1", result: "ok", by: "",
    });
    const removal = lines.find((l) => l.kind === "removal" && l.user === "avery")!;
    expect(removal).toMatchObject({ client: "admin-cli", by: "0826802d-39db-4b64-aeaf-78ac3b2036b7", ip: "10.88.0.1" });
    expect(lines.find((l) => l.what.includes("approved by bob"))).toMatchObject({ client: "kc-assurance-cli", by: "bob" });
  });

  it("leaves out plain password sign-ins and the operators' own token requests", () => {
    expect(lines.filter((l) => l.user === "alice" || l.user === "bob")).toEqual([]);
    expect(lines.filter((l) => l.kind === "second-factor" && l.user === "sam")).toEqual([]);
  });

  it("never carries a secret: no representation, code or token id", () => {
    const text = JSON.stringify(lines);
    for (const e of LOGIN_EVENTS) {
      for (const key of ["token_id", "refresh_token_id", "code_id"]) if (e.details?.[key]) expect(text).not.toContain(e.details[key]);
    }
  });
});

describe("events the observed run did not produce", () => {
  const at = (type: string, details: Record<string, string>, extra: Partial<LoginEvent> = {}): LoginEvent => ({
    time: Date.UTC(2026, 10, 30, 6), type, clientId: "self-service", userId: "u-1", ipAddress: "192.0.2.7", details, ...extra,
  });
  const one = (e: LoginEvent) => auditLines([e], [], { ...lookup, username: () => "rhea" });

  it("a sign-in with a recovery code: our renewal's event (observed), merged into its LOGIN", () => {
    const [renewal, login] = RECOVERY_SIGN_IN as [LoginEvent, LoginEvent];
    expect(auditLines([renewal, login], [], lookup).map(short)).toEqual(["avery recovery-code: signed in with a recovery code; asked to set up an authenticator app and new recovery codes [recovery-codes] ok"]);
    // The LOGIN carries the mark itself, also where the realm does not store the renewal's event.
    expect(auditLines([{ ...login, details: { ...login.details, kca_recovery_code: "used" } }], [], lookup).map(short)).toEqual(["avery recovery-code: signed in with a recovery code [recovery-codes] ok"]);
    // The user gave up on the set-up pages: no LOGIN, still a recovery code used.
    expect(auditLines([renewal], [], { ...lookup, username: () => "avery" }).map(short)).toEqual([
      "avery recovery-code: used a recovery code; asked to set up an authenticator app and new recovery codes; the sign-in did not complete [recovery-codes] ok",
    ]);
  });

  it("an upstream's MFA as our post-login step judged it", () => {
    const e = at("IDENTITY_PROVIDER_POST_LOGIN", { identity_provider: "corp", kca_upstream_idp: "corp", kca_upstream_acr: "urn:corp:loa:2", kca_upstream_amr: "pwd,otp", kca_upstream_level: "2", kca_upstream_trust: "accept" });
    expect(one(e)).toEqual([expect.objectContaining({ kind: "upstream-trust", what: "signed in at corp (acr urn:corp:loa:2, amr pwd,otp); trust accept counted level 2", level: "level 2", result: "ok" })]);
    expect(one({ ...e, type: "IDENTITY_PROVIDER_POST_LOGIN_ERROR", error: "access_denied" })[0]?.result).toBe("failed: access_denied");
    expect(one(at("IDENTITY_PROVIDER_POST_LOGIN", { identity_provider: "corp" }))).toEqual([]);
  });

  it("a removal by the user, a permanent lockout, an admin lifting a lockout", () => {
    expect(one(at("REMOVE_CREDENTIAL", { credential_type: "webauthn", credential_id: "k-1" })).map(short)).toEqual(["rhea removal: removed security key [webauthn] ok"]);
    expect(one(at("USER_DISABLED_BY_PERMANENT_LOCKOUT", { num_failures: "30" })).map(short)).toEqual(["rhea lockout: disabled after 30 failed attempts (permanent lockout) [] ok"]);
    const lifted = auditLines([], [{ time: 0, operationType: "DELETE", resourceType: "USER_LOGIN_FAILURE", resourcePath: "attack-detection/brute-force/users/u-1", authDetails: { userId: "a-1" } }], { ...lookup, username: (id) => ({ "u-1": "rhea", "a-1": "admin (master)" })[id] });
    expect(lifted.map((l) => `${l.user} ${l.what} by ${l.by}`)).toEqual(["rhea an admin lifted the lockout by admin (master)"]);
  });

  it("a legacy UPDATE_TOTP alone still counts; a refused reset step says why", () => {
    expect(one(at("UPDATE_TOTP", { credential_type: "otp" })).map(short)).toEqual(["rhea enrolment: set up authenticator app (TOTP) [totp] ok"]);
    const refused = auditLines([], [{ time: 0, operationType: "ACTION", resourceType: "KCA_MFA_RESET", resourcePath: "users/u-1/kca-mfa-reset/r-1", details: { step: "refused", act: "approve", refusal: "someone else must approve", user: "rhea" } }], lookup);
    expect(refused.map(short)).toEqual(["rhea admin-reset: MFA reset r-1: approve refused [] refused: someone else must approve"]);
  });

  it("sign-in errors that are not about credentials are not audit lines", () => {
    expect(one(at("LOGIN_ERROR", {}, { error: "expired_code" }))).toEqual([]);
    expect(one(at("UPDATE_CREDENTIAL", { credential_type: "password" }))).toEqual([]);
  });
});

describe("rendering and the period", () => {
  it("a table with a header and dashes for empty fields; CSV quoted per RFC 4180; JSON with the period", () => {
    const two = lines.slice(0, 2);
    const table = renderTable(two).split("\n");
    expect(table[0]).toMatch(/^TIME +USER +WHAT +FACTOR +CLIENT +LEVEL +IP +RESULT +BY$/);
    expect(table[1]).toMatch(/^2026-11-30T05:44:46.443Z +avery +set up authenticator app \(TOTP\) +totp +self-service +- +10\.88\.0\.1 +ok +-$/);
    expect(renderTable([])).toBe("no audited events in this period\n");
    const csv = renderCsv([{ ...two[0]!, what: 'said "hi", twice' }]).split("\r\n");
    expect(csv[0]).toBe("time,user,kind,what,factor,client,level,ip,result,by");
    expect(csv[1]).toContain('"said ""hi"", twice"');
    expect(JSON.parse(renderAudit("json", "example", new Date(0), two))).toEqual({ realm: "example", since: "1970-01-01T00:00:00.000Z", lines: two });
  });

  it("--since takes a duration back from now or a date, and names what it expected otherwise", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(sinceTime("7d", now).toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(sinceTime("90m", now).toISOString()).toBe("2026-11-30T10:30:00.000Z");
    expect(sinceTime("2026-11-01", now).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(() => sinceTime("last week", now)).toThrow('--since: expected a duration such as 7d, 12h or 30m, or a date such as 2026-11-23, got "last week"');
  });
});

describe("holes in the trail", () => {
  const all = { eventsEnabled: true, enabledEventTypes: [...AUDITED_LOGIN_EVENTS], adminEventsEnabled: true, permanentLockout: true };

  it("none where the realm stores every audited type (or all types) and admin events", () => {
    expect(coverageWarnings("r", all)).toEqual([]);
    expect(coverageWarnings("r", { ...all, enabledEventTypes: [] })).toEqual([]);
  });

  it("names the login event types not stored, and missing login or admin events altogether", () => {
    expect(coverageWarnings("r", { ...all, enabledEventTypes: ["LOGIN", "LOGIN_ERROR"], adminEventsEnabled: false })).toEqual([
      "realm r does not store login events of type UPDATE_CREDENTIAL, REMOVE_CREDENTIAL, UPDATE_TOTP, REMOVE_TOTP, CUSTOM_REQUIRED_ACTION, USER_DISABLED_BY_TEMPORARY_LOCKOUT, USER_DISABLED_BY_PERMANENT_LOCKOUT, IDENTITY_PROVIDER_POST_LOGIN, IDENTITY_PROVIDER_POST_LOGIN_ERROR: those are missing below (the policy's audit section; kc-assurance apply writes it)",
      "realm r stores no admin events: removals by admins and MFA resets cannot be listed (the policy's audit section; kc-assurance apply writes it)",
    ]);
    expect(coverageWarnings("r", { eventsEnabled: false, adminEventsEnabled: true })).toEqual([
      "realm r stores no login events: sign-ins, set-ups and failures cannot be listed (the policy's audit section; kc-assurance apply writes it)",
    ]);
  });

  it("the example policy's types cover the trail; permanent lockouts matter only where the realm has them", () => {
    const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");
    const r = checkPolicy("example.yaml", example);
    if (!r.ok) throw new Error("example policy is invalid");
    const settings = { eventsEnabled: true, enabledEventTypes: r.policy.audit.loginEvents.types, adminEventsEnabled: true };
    expect(coverageWarnings("example", { ...settings, permanentLockout: r.policy.bruteForce.permanentLockout })).toEqual([]);
    expect(coverageWarnings("example", { ...settings, permanentLockout: true })).toEqual([expect.stringContaining("of type USER_DISABLED_BY_PERMANENT_LOCKOUT:")]);
  });
});

describe("a second factor removed since", () => {
  it("is still a sign-in with a second factor, saying its type is gone", () => {
    const earlier: LoginEvent = { time: 1000, type: "LOGIN", userId: "u-1", sessionId: "s-1", clientId: "self-service", details: { username: "rhea" } };
    const stepUp: LoginEvent = { ...earlier, time: 5000, clientId: "admin-portal", details: { username: "rhea", selected_credential_id: "gone" } };
    expect(auditLines([earlier, stepUp], [], lookup).map(short)).toEqual(["rhea step-up: completed a step-up with a second factor removed since [] ok"]);
  });
});
