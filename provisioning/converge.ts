// Plan and apply for one realm: read, compare, write, then read again to prove convergence.
import type { AdminClient } from "./admin/connect.js";
import { applyPlan } from "./apply/apply.js";
import { lockHolder, withRealmLock, type LockOptions } from "./apply/lock.js";
import { compileRealm } from "./compile/desired.js";
import { readRealm } from "./keycloak/read-realm.js";
import { computePlan, type Plan } from "./plan/plan.js";
import type { Policy } from "./policy/model.js";

export async function planRealm(admin: AdminClient, policy: Policy, realm: string): Promise<Plan> {
  const desired = compileRealm(policy);
  const [actual, lockedBy] = await Promise.all([readRealm(admin, realm, desired), lockHolder(admin, realm)]);
  return { ...computePlan(desired, actual), ...(lockedBy ? { lockedBy } : {}) };
}

export interface ApplyOutcome {
  readonly plan: Plan;
  readonly writes: number;
  readonly boundFlow: string;
}

/** Waiting for another apply on the same realm: 5 minutes unless told otherwise. */
export const DEFAULT_LOCK: LockOptions = { timeoutSeconds: 300 };

export async function applyPolicy(admin: AdminClient, policy: Policy, realm: string, lock: LockOptions = DEFAULT_LOCK): Promise<ApplyOutcome> {
  const desired = compileRealm(policy);
  const observed = await readRealm(admin, realm, desired);
  const first = computePlan(desired, observed);
  // Nothing to change: no lock and no write (reading needs neither).
  if (first.changes.length === 0) return { plan: first, writes: 0, boundFlow: observed.browserFlow };
  return withRealmLock(admin, realm, lock, async () => {
    // Read again under the lock: another run may have applied while this one waited.
    const actual = await readRealm(admin, realm, desired);
    const plan = computePlan(desired, actual);
    if (plan.changes.length === 0) return { plan, writes: 0, boundFlow: actual.browserFlow };
    const { writes, boundFlow } = await applyPlan(admin, desired, actual, plan);
    const after = computePlan(desired, await readRealm(admin, realm, desired));
    if (after.changes.length) {
      throw new Error(`realm "${realm}" did not converge; still different:\n${after.changes.map((c) => `${c.action} ${c.kind} ${c.name}: ${c.details.join("; ")}`).join("\n")}`);
    }
    return { plan, writes, boundFlow };
  });
}
