// Reads what `kc-assurance audit` reports: the realm's login events of the audited types and the admin
// events about its users since a time, page by page (newest first), then the names the lines need
// (users, the types of credentials events name by id, clients), each looked up once.
import type { AdminClient } from "../admin/connect.js";
import { mapLimit } from "../cli/map-limit.js";
import { coverageWarnings } from "./coverage.js";
import { AUDITED_LOGIN_EVENTS, auditLines, pathUser, type AdminEvent, type AuditLine, type LoginEvent } from "./lines.js";

const PAGE = 500;
const LOOKUPS_AT_ONCE = 4;

/** All pages of a query, until a short one; events of the same id (pages shifted by new events) once. */
async function allPages<T extends { id?: string }>(page: (first: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let first = 0; ; first += PAGE) {
    const got = await page(first);
    all.push(...got);
    if (got.length < PAGE) break;
  }
  const seen = new Set<string>();
  return all.filter((e) => !e.id || (!seen.has(e.id) && seen.add(e.id)));
}

export interface AuditQuery {
  readonly realm: string;
  /** Where the admin logged in: admin events name their actor's realm by id, mostly this one. */
  readonly authRealm: string;
  readonly since: Date;
  /** A username (or a deleted user's id): only what happened to this user. */
  readonly user?: string;
}

async function userId(admin: AdminClient, realm: string, user: string): Promise<string> {
  const found = (await admin.users.find({ realm, username: user, exact: true })).find((u) => u.username === user.toLowerCase());
  if (found?.id) return found.id;
  // A deleted user's events remain: their id is accepted where the name is gone.
  if (/^[0-9a-f-]{36}$/.test(user)) return user;
  throw new Error(`realm "${realm}" has no user "${user}" (pass the username, or a deleted user's id)`);
}

export interface Audit {
  readonly lines: readonly AuditLine[];
  /** Holes in the trail: event kinds the realm does not store. */
  readonly warnings: readonly string[];
}

export async function readAudit(admin: AdminClient, q: AuditQuery): Promise<Audit> {
  const { realm } = q;
  const [realmRep, authRealmRep] = await Promise.all([realm, q.authRealm].map((r) => admin.realms.findOne({ realm: r })));
  if (!realmRep) throw new Error(`realm "${realm}" does not exist on the server`);
  const warnings = coverageWarnings(realm, { ...(await admin.realms.getConfigEvents({ realm })), permanentLockout: realmRep.permanentLockout ?? false });
  const dateFrom = String(q.since.getTime());
  const id = q.user ? await userId(admin, realm, q.user) : undefined;
  const login = await allPages((first) =>
    admin.realms.findEvents({ realm, dateFrom, first, max: PAGE, type: [...AUDITED_LOGIN_EVENTS], ...(id ? { user: id } : {}) } as never) as Promise<LoginEvent[]>);
  // Keycloak's admin-event query fails on our own resource type (KCA_MFA_RESET), so it is asked by path.
  const adminEvents = (await Promise.all([`users/${id ?? "*"}/*`, `attack-detection/brute-force/users/${id ?? "*"}`].map((resourcePath) =>
    allPages((first) => admin.realms.findAdminEvents({ realm, dateFrom, first, max: PAGE, resourcePath } as never) as Promise<AdminEvent[]>)))).flat();

  // Names: most login events carry the username; the others' users are looked up once each.
  const names = new Map<string, string>(login.flatMap((e) => (e.userId && e.details?.username ? [[e.userId, e.details.username] as const] : [])));
  const unnamed = new Set([...login.map((e) => e.userId), ...adminEvents.map((e) => pathUser(e.resourcePath.replace(/^attack-detection\/brute-force\//, "")))]
    .filter((u): u is string => !!u && !names.has(u)));
  await mapLimit([...unnamed], LOOKUPS_AT_ONCE, async (u) => {
    const found = await admin.users.findOne({ realm, id: u }).catch(() => undefined);
    if (found?.username) names.set(u, found.username);
  });
  // Actors of the admin events: operators of this realm, or admins of the realm the CLI logged in to.
  const [realmId, authRealmId] = [realmRep.id, authRealmRep?.id];
  const actors = new Set(adminEvents.flatMap((e) => (e.authDetails?.userId ? [`${e.authDetails.realmId}/${e.authDetails.userId}`] : [])));
  await mapLimit([...actors], LOOKUPS_AT_ONCE, async (key) => {
    const [actorRealm, u] = key.split("/") as [string, string];
    if (names.has(u)) return;
    const r = actorRealm === realmId ? realm : actorRealm === authRealmId ? q.authRealm : undefined;
    const found = r ? await admin.users.findOne({ realm: r, id: u }).catch(() => undefined) : undefined;
    if (found?.username) names.set(u, r === realm ? found.username : `${found.username} (${r})`);
  });
  const withCredentials = [...new Set(login.filter((e) => e.userId && e.details?.selected_credential_id).map((e) => e.userId!))];
  const credentialTypes = new Map<string, string>();
  await mapLimit(withCredentials, LOOKUPS_AT_ONCE, async (u) => {
    for (const c of await admin.users.getCredentials({ realm, id: u }).catch(() => [])) if (c.id && c.type) credentialTypes.set(`${u}/${c.id}`, c.type);
  });
  const clients = new Map<string, string>();
  for (const r of new Set([realm, q.authRealm])) {
    for (const c of await admin.clients.find({ realm: r })) if (c.id && c.clientId) clients.set(c.id, c.clientId);
  }
  const lines = auditLines(login, adminEvents, {
    username: (u) => names.get(u),
    credentialType: (u, c) => credentialTypes.get(`${u}/${c}`),
    clientId: (c) => clients.get(c),
  });
  return { lines, warnings };
}
