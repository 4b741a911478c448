// Plans for people (text) and for programs (JSON). Plans hold no secrets: only names and settings.
import type { Change, Plan } from "./plan.js";

const SIGN = { create: "+", update: "~", delete: "-" } as const;

export function renderPlan(plan: Plan): string {
  const lines = [plan.changes.length === 0 ? `realm ${plan.realm}: no changes; it matches the policy.` : `realm ${plan.realm}: ${summary(plan.changes)}`];
  for (const c of plan.changes) {
    lines.push(`  ${SIGN[c.action]} ${c.kind} ${c.name}`);
    for (const d of c.details) lines.push(`      ${d}`);
  }
  if (plan.lockedBy) {
    const h = plan.lockedBy;
    lines.push(`  locked: an apply is running (${h.host} pid ${h.pid} since ${h.since}, lease until ${h.expires}); this plan may be out of date when it ends`);
  }
  // Every provider, also when nothing changes: how a sign-in through it is treated is part of the policy's effect.
  if (plan.identityProviders.length) {
    lines.push(`  identity providers: ${plan.identityProviders.map((p) => `${p.alias} (${p.listed ? `trust ${p.trust}` : "not in the policy: trust reject"})`).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

export function summary(changes: readonly Change[]): string {
  const count = (a: Change["action"]) => changes.filter((c) => c.action === a).length;
  return `${count("create")} to create, ${count("update")} to update, ${count("delete")} to delete`;
}
