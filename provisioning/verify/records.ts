// The events a run's users left in the realm (Keycloak's login and admin events), read back for
// V4, V5 and V6. Admin events are queried by resource path: Keycloak's query answers 500 when asked
// for our custom resource type.
import type { RunContext } from "./run-context.js";

export interface LoginEvent {
  readonly time?: number;
  readonly type?: string;
  readonly userId?: string;
  readonly clientId?: string;
  readonly error?: string;
  readonly details?: Record<string, string>;
}

export interface AdminEvent {
  readonly time?: number;
  readonly operationType?: string;
  readonly resourceType?: string;
  readonly resourcePath?: string;
  readonly representation?: string;
}

/** Our login event detail on a sign-in that used a recovery code (extensions: recovery/RecoveryRenewal). */
export const RECOVERY_CODE_DETAIL = "kca_recovery_code";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The user's login events since the run began, oldest first. */
export async function loginEventsOf(run: RunContext, userId: string): Promise<LoginEvent[]> {
  const events = (await run.admin.realms.findEvents({ realm: run.realm, user: userId, dateFrom: day(run.startedAt), max: 1000 })) as LoginEvent[];
  return events.filter((e) => (e.time ?? 0) >= run.startedAt.getTime() - 1000).reverse();
}

/** Admin events since the run began (Keycloak gives the newest first) under a resource path, or all. */
export async function adminEventsSince(run: RunContext, resourcePath?: string): Promise<AdminEvent[]> {
  const events = (await run.admin.realms.findAdminEvents({ realm: run.realm, max: 1000, ...(resourcePath ? { resourcePath } : {}) })) as AdminEvent[];
  return events.filter((e) => (e.time ?? 0) >= run.startedAt.getTime() - 1000);
}
