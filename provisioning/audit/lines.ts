// `kc-assurance audit`: Keycloak's login and admin events read into lines a person understands, one
// per thing that happened (seed 000's audit list, and lockouts). Pure: the shell (read.ts) fetches
// the events and answers the look-ups (user names, credential types, client ids); the event shapes
// are those Keycloak 26.7 and our providers write (test/unit/audit/lines.test.ts holds real ones).
// Nothing secret is read: no representation, only the events' type, ids and fixed details.
import { CREDENTIAL_TYPES } from "../keycloak/providers.js";
import type { Factor } from "../policy/model.js";

export interface LoginEvent {
  readonly id?: string;
  readonly time: number;
  readonly type: string;
  readonly clientId?: string;
  readonly userId?: string;
  readonly sessionId?: string;
  readonly ipAddress?: string;
  readonly error?: string;
  readonly details?: Readonly<Record<string, string>>;
}

export interface AdminEvent {
  readonly id?: string;
  readonly time: number;
  readonly operationType: string;
  readonly resourceType: string;
  readonly resourcePath: string;
  readonly authDetails?: { readonly realmId?: string; readonly clientId?: string; readonly userId?: string; readonly ipAddress?: string };
  readonly error?: string;
  readonly details?: Readonly<Record<string, string>>;
}

export type AuditKind =
  | "enrolment" | "removal" | "failed-challenge" | "recovery-code" | "second-factor" | "step-up" | "admin-reset" | "upstream-trust" | "lockout";

export interface AuditLine {
  /** ISO 8601, UTC. */
  readonly time: string;
  /** The user it happened to (name where known, else id). */
  readonly user: string;
  readonly kind: AuditKind;
  readonly what: string;
  /** The policy's factor name, where one is concerned. */
  readonly factor: string;
  readonly client: string;
  /** The level reached, where an event records it. */
  readonly level: string;
  readonly ip: string;
  readonly result: string;
  /** Who acted when it was not the user (an admin, an operator). */
  readonly by: string;
}

/** What the shell looked up for the events: names for ids. */
export interface Lookup {
  readonly username: (userId: string) => string | undefined;
  /** Type of a credential the user still has (events name only its id). */
  readonly credentialType: (userId: string, credentialId: string) => string | undefined;
  /** A client's clientId from its internal id (admin events name the id). */
  readonly clientId: (internalId: string) => string | undefined;
}

/**
 * Our recovery-code renewal action (extensions/…/recovery/RecoveryRenewal): its mark on a sign-in's
 * events (`used` on the LOGIN too), and its own event's name and detail (the set-up actions added).
 */
export const RECOVERY_RENEWAL = { action: "kca-recovery-renewal", used: "kca_recovery_code", renewal: "kca_renewal" } as const;
/** Login event types the audit reads; a policy's audit.loginEvents.types must store them for a full trail. */
export const AUDITED_LOGIN_EVENTS = [
  "LOGIN", "LOGIN_ERROR", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "UPDATE_TOTP", "REMOVE_TOTP", "CUSTOM_REQUIRED_ACTION",
  "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT", "IDENTITY_PROVIDER_POST_LOGIN", "IDENTITY_PROVIDER_POST_LOGIN_ERROR",
] as const;

const FACTOR_OF: Readonly<Record<string, Factor>> = Object.fromEntries(Object.entries(CREDENTIAL_TYPES).map(([factor, type]) => [type, factor as Factor]));
const SAYS: Readonly<Record<Factor, string>> = {
  password: "password", totp: "authenticator app (TOTP)", webauthn: "security key", passkey: "passkey", "recovery-codes": "recovery codes",
};
const WRONG: Readonly<Record<Factor, string>> = {
  password: "wrong password", totp: "wrong authenticator app code", webauthn: "security key not accepted", passkey: "passkey not accepted", "recovery-codes": "wrong recovery code",
};
/** Required actions our renewal adds, as a person calls them. */
const SET_UP: Readonly<Record<string, string>> = {
  CONFIGURE_TOTP: "an authenticator app", "webauthn-register": "a security key", "webauthn-register-passwordless": "a passkey", CONFIGURE_RECOVERY_AUTHN_CODES: "new recovery codes",
};
/** Sign-in errors that are about the user's credentials or account; others (expired pages, bad redirects) are not audited here. */
const REFUSED = new Set(["invalid_user_credentials", "user_temporarily_disabled", "user_disabled"]);

const factorOf = (credentialType: string | undefined): Factor | undefined => (credentialType ? FACTOR_OF[credentialType] : undefined);
const iso = (ms: number) => new Date(ms).toISOString();

/** Users' ids in an admin event's path: users/{id}/... */
export function pathUser(path: string): string | undefined {
  return /^users\/([^/]+)/.exec(path)?.[1];
}

export function auditLines(login: readonly LoginEvent[], admin: readonly AdminEvent[], lookup: Lookup): AuditLine[] {
  const userOf = (id: string | undefined, fallback?: string) => (id ? lookup.username(id) ?? fallback ?? id : fallback ?? "");
  const base = (e: LoginEvent) => ({ time: iso(e.time), user: userOf(e.userId, e.details?.username), client: e.clientId ?? "", ip: e.ipAddress ?? "", level: "", by: "" });
  // Credentials removed since are gone from the look-up, but their removal events name id and type.
  const removed = new Map([...login.map((e) => e.details), ...admin.map((e) => e.details)].flatMap((d) => (d?.credential_id && d.credential_type ? [[d.credential_id, d.credential_type] as const] : [])));
  const usedFactor = (e: LoginEvent) => {
    const selected = e.details?.selected_credential_id;
    return factorOf(selected && e.userId ? lookup.credentialType(e.userId, selected) ?? removed.get(selected) : undefined);
  };

  // A sign-in in which a recovery code stood in: its events carry our renewal's mark, and its renewal
  // event says what the user was asked to set up (found from the LOGIN by the sign-in's code_id).
  const renewals = new Map(login.filter((e) => e.type === "CUSTOM_REQUIRED_ACTION" && e.details?.custom_required_action === RECOVERY_RENEWAL.action).map((e) => [e.details?.code_id ?? e.id, e]));
  const renewalText = (e: LoginEvent) => {
    const next = (e.details?.[RECOVERY_RENEWAL.renewal] ?? "").split(",").filter(Boolean).map((a) => SET_UP[a] ?? a);
    return next.length ? `; asked to set up ${next.join(" and ")}` : "";
  };
  // Keycloak records setting up or removing an app twice (UPDATE_TOTP beside UPDATE_CREDENTIAL): one line.
  const twinOf = (e: LoginEvent, type: string) =>
    login.some((o) => o.type === type && o.userId === e.userId && o.details?.credential_type === "otp" && Math.abs(o.time - e.time) < 1000);
  // Sessions with an earlier sign-in: a later LOGIN in the session with a second factor is a step-up.
  const signedIn = new Map<string, number>();
  for (const e of login) if (e.type === "LOGIN" && e.sessionId) signedIn.set(e.sessionId, Math.min(signedIn.get(e.sessionId) ?? Infinity, e.time));

  const lines: AuditLine[] = [];
  const add = (line: AuditLine) => lines.push(line);
  for (const e of login) {
    const d = e.details ?? {};
    const failed = e.error ? `failed: ${e.error}` : "ok";
    switch (e.type) {
      case "UPDATE_CREDENTIAL":
      case "REMOVE_CREDENTIAL": {
        const factor = factorOf(d.credential_type);
        if (!factor || factor === "password") break;
        const removal = e.type === "REMOVE_CREDENTIAL";
        const reset = d.kca_reset_request ? ` by the MFA reset ${d.kca_reset_request}` : "";
        add({ ...base(e), kind: removal ? "removal" : "enrolment", what: `${removal ? "removed" : "set up"} ${SAYS[factor]}${reset}`, factor, result: failed });
        break;
      }
      case "UPDATE_TOTP":
      case "REMOVE_TOTP": {
        if (twinOf(e, e.type === "UPDATE_TOTP" ? "UPDATE_CREDENTIAL" : "REMOVE_CREDENTIAL")) break;
        const removal = e.type === "REMOVE_TOTP";
        add({ ...base(e), kind: removal ? "removal" : "enrolment", what: `${removal ? "removed" : "set up"} ${SAYS.totp}`, factor: "totp", result: failed });
        break;
      }
      case "CUSTOM_REQUIRED_ACTION": {
        if (d.custom_required_action !== RECOVERY_RENEWAL.action) break;
        // Merged into the sign-in's LOGIN line when the sign-in completed.
        if (login.some((o) => o.type === "LOGIN" && d.code_id && o.details?.code_id === d.code_id)) break;
        add({ ...base(e), kind: "recovery-code", what: `used a recovery code${renewalText(e)}; the sign-in did not complete`, factor: "recovery-codes", result: "ok" });
        break;
      }
      case "LOGIN": {
        const renewal = renewals.get(d.code_id ?? "");
        if (renewal || d[RECOVERY_RENEWAL.used] === "used") {
          add({ ...base(e), kind: "recovery-code", what: `signed in with a recovery code${renewal ? renewalText(renewal) : ""}`, factor: "recovery-codes", result: "ok" });
          break;
        }
        const used = usedFactor(e);
        const factor = used ?? factorOf(d.credential_type);
        // A credential chosen at a second step whose type nothing names any more (removed, its removal not in the period).
        const removedSince = d.selected_credential_id !== undefined && !factor;
        if (!removedSince && (!factor || factor === "password")) break; // a password or SSO sign-in: no second factor to audit
        const earlier = e.sessionId !== undefined && (signedIn.get(e.sessionId) ?? Infinity) < e.time;
        const how = !factor ? "with a second factor removed since" : used ? `with ${SAYS[factor]}` : `after setting up ${SAYS[factor]}`;
        add({
          ...base(e), factor: factor ?? "", result: "ok",
          kind: earlier ? "step-up" : "second-factor",
          what: earlier ? `completed a step-up ${how}` : `signed in ${how}`,
          // Keycloak's LOGIN event does not name the level reached (the token's acr does).
          level: "not recorded",
        });
        break;
      }
      case "LOGIN_ERROR": {
        if (!e.error || !REFUSED.has(e.error)) break;
        if (e.error !== "invalid_user_credentials") {
          add({ ...base(e), kind: "lockout", what: `sign-in refused: the account is ${e.error === "user_disabled" ? "disabled" : "locked for now"}`, factor: "", result: `failed: ${e.error}` });
          break;
        }
        const selected = d.selected_credential_id;
        const factor = selected ? usedFactor(e) : "password";
        add({ ...base(e), kind: "failed-challenge", what: factor ? WRONG[factor] : "wrong second factor", factor: factor ?? "", result: `failed: ${e.error}` });
        break;
      }
      case "USER_DISABLED_BY_TEMPORARY_LOCKOUT":
      case "USER_DISABLED_BY_PERMANENT_LOCKOUT": {
        const n = d.num_failures ? ` after ${d.num_failures} failed attempts` : "";
        const what = e.type.includes("TEMPORARY") ? `locked out${n}${d.not_before ? ` until ${d.not_before} (server time)` : ""}` : `disabled${n} (permanent lockout)`;
        add({ ...base(e), kind: "lockout", what, factor: "", result: "ok" });
        break;
      }
      case "IDENTITY_PROVIDER_POST_LOGIN":
      case "IDENTITY_PROVIDER_POST_LOGIN_ERROR": {
        if (!d.kca_upstream_idp) break;
        const said = [d.kca_upstream_acr ? `acr ${d.kca_upstream_acr}` : "no acr", d.kca_upstream_amr ? `amr ${d.kca_upstream_amr}` : "no amr"].join(", ");
        add({
          ...base(e), kind: "upstream-trust", factor: "",
          what: `signed in at ${d.kca_upstream_idp} (${said}); trust ${d.kca_upstream_trust ?? "?"} counted level ${d.kca_upstream_level ?? "?"}`,
          level: d.kca_upstream_level ? `level ${d.kca_upstream_level}` : "",
          result: e.error ? `failed: ${e.error}` : "ok",
        });
        break;
      }
    }
  }

  for (const e of admin) {
    const d = e.details ?? {};
    const user = pathUser(e.resourcePath);
    const common = {
      time: iso(e.time), ip: e.authDetails?.ipAddress ?? "", level: "", factor: "",
      client: e.authDetails?.clientId ? lookup.clientId(e.authDetails.clientId) ?? e.authDetails.clientId : "",
      by: userOf(e.authDetails?.userId),
    };
    if (e.resourceType === "KCA_MFA_RESET") {
      const id = e.resourcePath.split("/").at(-1);
      const step = d.step ?? e.operationType.toLowerCase();
      const what =
        step === "requested" ? `MFA reset ${id} requested by ${d.requester ?? "?"}: ${d.factors ?? "all factors"}; reason "${d.reason ?? ""}", ticket ${d.ticket ?? "?"}${d.proofing ? `, proofing ${d.proofing}` : ""}; ${d.needed ?? "?"} approval(s) needed`
        : step === "approved" ? `MFA reset ${id} approved by ${d.approver ?? "?"} (${d.approvals ?? "?"})`
        : step === "executed" ? `MFA reset ${id} carried out (approved by ${d.approvers ?? "?"}): removed ${d.removed || "nothing"}, ${d.sessionsEnded ?? "?"} session(s) ended; e-mail: ${d.notified ?? "?"}`
        : step === "refused" ? `MFA reset ${id}: ${d.act ?? "a call"} refused`
        : `MFA reset ${id} ${step}`;
      lines.push({ ...common, user: d.user ?? userOf(user), kind: "admin-reset", what, result: step === "refused" ? `refused: ${d.refusal ?? "?"}` : "ok" });
    } else if (user && /^users\/[^/]+\/credentials\/[^/]+$/.test(e.resourcePath) && (e.operationType === "ACTION" || e.operationType === "DELETE")) {
      const factor = factorOf(d.credential_type);
      if (!factor || factor === "password") continue;
      const label = d.credential_user_label ? ` "${d.credential_user_label}"` : "";
      lines.push({ ...common, user: userOf(user), kind: "removal", factor, what: `an admin removed ${SAYS[factor]}${label}`, result: e.error ? `failed: ${e.error}` : "ok" });
    } else if (e.operationType === "DELETE" && /^attack-detection\/brute-force\/users\/[^/]+$/.test(e.resourcePath)) {
      lines.push({ ...common, user: userOf(e.resourcePath.split("/").at(-1)), kind: "lockout", what: "an admin lifted the lockout", result: "ok" });
    }
  }
  return lines.sort((a, b) => a.time.localeCompare(b.time));
}
