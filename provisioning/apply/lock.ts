// One apply at a time per realm, held in Keycloak itself (Terraform's state lock is the model), so
// runs from different machines meet in the one place they share. The lock is a realm role: creating
// a role whose name exists fails (409) in one step on the server, which is the compare-and-set a
// lock needs. The role carries who holds it and until when (a lease the holder renews while it
// works), so a holder killed outright blocks others only until its lease runs out; `unlock` removes
// a lock by hand. Removal goes by role id, so a waiter that saw an expired lock never removes the
// fresh one another waiter has taken meanwhile.
import { hostname } from "node:os";
import type { AdminClient } from "../admin/connect.js";

export const LOCK_ROLE = "kca-apply-lock";

export interface LockHolder {
  readonly host: string;
  readonly pid: number;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** ISO time after which the lock counts as abandoned unless renewed. */
  readonly expires: string;
}

export interface LockOptions {
  /** How long to wait for another holder, in seconds (0: do not wait). */
  readonly timeoutSeconds: number;
  /** Lease length in seconds; renewed at a third of it while held. */
  readonly leaseSeconds?: number;
  /** Told once per holder waited for. */
  readonly onWait?: (holder: LockHolder) => void;
  /** For tests: the clock in milliseconds. */
  readonly now?: () => number;
}

export class LockTimeoutError extends Error {}

const DESCRIPTION = "kc-assurance apply in progress (a lock); if none is running: kc-assurance unlock --realm <realm>";
const DEFAULT_LEASE_SECONDS = 120;
const POLL_MS = 1000;

interface RoleRep {
  id?: string;
  attributes?: Record<string, string[]>;
}

const holderOf = (role: RoleRep | undefined): LockHolder | undefined => {
  const a = role?.attributes ?? {};
  const one = (k: string) => a[k]?.[0];
  const [host, pid, since, expires] = [one("host"), one("pid"), one("since"), one("expires")];
  return host && pid && since && expires ? { host, pid: Number(pid), since, expires } : undefined;
};

const describe = (h: LockHolder) => `${h.host} pid ${h.pid} since ${h.since}`;

/** Who holds the realm's lock now, if anyone (an expired lease included: `expires` says). */
export async function lockHolder(admin: AdminClient, realm: string): Promise<LockHolder | undefined> {
  return holderOf((await admin.roles.findOneByName({ realm, name: LOCK_ROLE })) as RoleRep | undefined);
}

/** Removes the realm's lock whoever holds it; returns the holder removed. */
export async function unlock(admin: AdminClient, realm: string): Promise<LockHolder | undefined> {
  const role = (await admin.roles.findOneByName({ realm, name: LOCK_ROLE })) as RoleRep | undefined;
  if (!role?.id) return undefined;
  await admin.roles.delById({ realm, id: role.id } as never);
  return holderOf(role);
}

/** Runs `work` holding the realm's lock; waits for another holder up to the timeout. */
export async function withRealmLock<T>(admin: AdminClient, realm: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const lease = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const deadline = now() + options.timeoutSeconds * 1000;
  const attributes = (since: number) => ({
    host: [hostname()], pid: [String(process.pid)], since: [new Date(since).toISOString()], expires: [new Date(now() + lease * 1000).toISOString()],
  });
  const since = now();
  let told: string | undefined;
  for (;;) {
    try {
      await admin.roles.create({ realm, name: LOCK_ROLE, description: DESCRIPTION, attributes: attributes(since) });
      break;
    } catch (e) {
      if ((e as { response?: { status?: number } }).response?.status !== 409) throw e;
    }
    const role = (await admin.roles.findOneByName({ realm, name: LOCK_ROLE })) as RoleRep | undefined;
    const holder = holderOf(role);
    if (role?.id && (!holder || Date.parse(holder.expires) < now())) {
      // Abandoned (or not ours to read): remove exactly that role, then try again.
      await admin.roles.delById({ realm, id: role.id } as never).catch(() => {});
      continue;
    }
    if (holder && told !== describe(holder)) {
      told = describe(holder);
      options.onWait?.(holder);
    }
    if (now() >= deadline) {
      throw new LockTimeoutError(`realm "${realm}" is locked by another apply (${holder ? describe(holder) : "unknown holder"}, lease until ${holder?.expires ?? "?"}); waited ${options.timeoutSeconds} s. If no apply is running, remove the lock with: kc-assurance unlock --realm ${realm}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }

  const role = (await admin.roles.findOneByName({ realm, name: LOCK_ROLE })) as RoleRep | undefined;
  const id = role?.id;
  // Renew the lease while working, so a long apply is not taken for an abandoned one.
  const renew = setInterval(() => {
    if (id) void admin.roles.updateById({ realm, id } as never, { name: LOCK_ROLE, description: DESCRIPTION, attributes: attributes(since) } as never).catch(() => {});
  }, (lease * 1000) / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    if (id) await admin.roles.delById({ realm, id } as never).catch(() => {});
  }
}
