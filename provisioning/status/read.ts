// Reads every user's facts from our admin extension (/admin/realms/{realm}/kca-status, extensions/…/status):
// one request per page of users instead of one per user, the first page alone (it gives the total),
// then the others `concurrency` at once.
import type { AdminClient } from "../admin/connect.js";
import { mapLimit } from "../cli/map-limit.js";
import type { UserFacts } from "./summary.js";

export const PAGE_SIZE = 500;
/** Pages read at once: enough to keep a small server's cores busy without crowding out sign-ins. */
export const CONCURRENCY = 4;

interface Page {
  readonly total: number;
  readonly users: readonly UserFacts[];
  readonly unknownRoles: readonly string[];
}

export interface RealmFacts {
  readonly users: readonly UserFacts[];
  readonly unknownRoles: readonly string[];
}

async function page(admin: AdminClient, realm: string, roles: readonly string[], first: number, max: number): Promise<Page> {
  const query = new URLSearchParams([["first", String(first)], ["max", String(max)], ...roles.map((r) => ["role", r])]);
  const url = `${admin.baseUrl}/admin/realms/${encodeURIComponent(realm)}/kca-status/users?${query}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${await admin.getAccessToken()}`, accept: "application/json" } });
  if (res.ok) return (await res.json()) as Page;
  if (res.status === 404) {
    throw new Error(`realm "${realm}": no kca-status endpoint (HTTP 404): the realm does not exist, or the server lacks our extension (kc-assurance-extensions.jar in Keycloak's providers/)`);
  }
  if (res.status === 401 || res.status === 403) throw new Error(`realm "${realm}": HTTP ${res.status} reading users: the admin needs view-users (realm-management) on this realm`);
  throw new Error(`realm "${realm}": reading users ${first}-${first + max - 1} failed with HTTP ${res.status}`);
}

export async function readRealmFacts(admin: AdminClient, realm: string, roles: readonly string[], concurrency = CONCURRENCY, pageSize = PAGE_SIZE): Promise<RealmFacts> {
  const head = await page(admin, realm, roles, 0, pageSize);
  const offsets = Array.from({ length: Math.max(0, Math.ceil(head.total / pageSize) - 1) }, (_, i) => (i + 1) * pageSize);
  const pages = [head, ...(await mapLimit(offsets, concurrency, (first) => page(admin, realm, roles, first, pageSize)))];
  // Users created while reading move the pages' ends: read on while the last page is full.
  while (pages.at(-1)!.users.length === pageSize) pages.push(await page(admin, realm, roles, pages.length * pageSize, pageSize));
  // A user created or deleted meanwhile shifts the pages by one: the same user may be on two of them.
  const byId = new Map(pages.flatMap((p) => p.users).map((u) => [u.id, u]));
  return { users: [...byId.values()], unknownRoles: head.unknownRoles };
}
