// Whether a realm stores what `kc-assurance audit` reads: a realm that stores no login events, or not
// all the audited types, or no admin events, gives a trail with holes, and the command says so. Pure.
import { AUDITED_LOGIN_EVENTS } from "./lines.js";

/** The realm's event settings as Keycloak's admin API gives them (GET /admin/realms/{realm}/events/config). */
export interface EventSettings {
  readonly eventsEnabled?: boolean;
  /** Types stored; empty or absent: all. */
  readonly enabledEventTypes?: readonly string[];
  readonly adminEventsEnabled?: boolean;
  /** The realm's brute-force permanentLockout: without it, no permanent-lockout event can happen. */
  readonly permanentLockout?: boolean;
}

export function coverageWarnings(realm: string, s: EventSettings): string[] {
  const fix = "(the policy's audit section; kc-assurance apply writes it)";
  if (!s.eventsEnabled) return [`realm ${realm} stores no login events: sign-ins, set-ups and failures cannot be listed ${fix}`, ...adminWarning(realm, s, fix)];
  const stored = s.enabledEventTypes ?? [];
  const expected = AUDITED_LOGIN_EVENTS.filter((t) => s.permanentLockout || t !== "USER_DISABLED_BY_PERMANENT_LOCKOUT");
  const missing = stored.length ? expected.filter((t) => !stored.includes(t)) : [];
  return [
    ...(missing.length ? [`realm ${realm} does not store login events of type ${missing.join(", ")}: those are missing below ${fix}`] : []),
    ...adminWarning(realm, s, fix),
  ];
}

function adminWarning(realm: string, s: EventSettings, fix: string): string[] {
  return s.adminEventsEnabled ? [] : [`realm ${realm} stores no admin events: removals by admins and MFA resets cannot be listed ${fix}`];
}
