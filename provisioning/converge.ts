// Plan and apply for one realm: read, compare, write, then read again to prove convergence.
import type { AdminClient } from "./admin/connect.js";
import { applyPlan } from "./apply/apply.js";
import { compileRealm } from "./compile/desired.js";
import { readRealm } from "./keycloak/read-realm.js";
import { computePlan, type Plan } from "./plan/plan.js";
import type { Policy } from "./policy/model.js";

export async function planRealm(admin: AdminClient, policy: Policy, realm: string): Promise<Plan> {
  const desired = compileRealm(policy);
  return computePlan(desired, await readRealm(admin, realm, desired));
}

export interface ApplyOutcome {
  readonly plan: Plan;
  readonly writes: number;
  readonly boundFlow: string;
}

export async function applyPolicy(admin: AdminClient, policy: Policy, realm: string): Promise<ApplyOutcome> {
  const desired = compileRealm(policy);
  const actual = await readRealm(admin, realm, desired);
  const plan = computePlan(desired, actual);
  if (plan.changes.length === 0) {
    return { plan, writes: 0, boundFlow: actual.browserFlow };
  }
  const { writes, boundFlow } = await applyPlan(admin, desired, actual, plan);
  const after = computePlan(desired, await readRealm(admin, realm, desired));
  if (after.changes.length) {
    throw new Error(`realm "${realm}" did not converge; still different:\n${after.changes.map((c) => `${c.action} ${c.kind} ${c.name}: ${c.details.join("; ")}`).join("\n")}`);
  }
  return { plan, writes, boundFlow };
}
