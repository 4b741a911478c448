// Plans for people (text) and for programs (JSON). Plans hold no secrets: only names and settings.
import type { Change, Plan } from "./plan.js";

const SIGN = { create: "+", update: "~", delete: "-" } as const;

export function renderPlan(plan: Plan): string {
  if (plan.changes.length === 0) return `realm ${plan.realm}: no changes; it matches the policy.\n`;
  const lines = [`realm ${plan.realm}: ${summary(plan.changes)}`];
  for (const c of plan.changes) {
    lines.push(`  ${SIGN[c.action]} ${c.kind} ${c.name}`);
    for (const d of c.details) lines.push(`      ${d}`);
  }
  return `${lines.join("\n")}\n`;
}

export function summary(changes: readonly Change[]): string {
  const count = (a: Change["action"]) => changes.filter((c) => c.action === a).length;
  return `${count("create")} to create, ${count("update")} to update, ${count("delete")} to delete`;
}
