// The status report as a person reads it in a terminal (--json gives it whole). Long lists are cut
// at LIST_LIMIT names, saying how many more there are. Pure.
import { columns } from "../text/columns.js";
import type { StatusReport, TierStatus } from "./summary.js";

export const LIST_LIMIT = 20;

function cut<T>(items: readonly T[], line: (item: T) => string[], indent: string): string[] {
  const shown = columns(items.slice(0, LIST_LIMIT).map(line), indent);
  return items.length > LIST_LIMIT ? [...shown, `${indent}... and ${items.length - LIST_LIMIT} more (--json lists all)`] : shown;
}

function renderTier(t: TierStatus): string[] {
  const head = `Tier ${t.tier} ${t.name} (role ${t.role}): ${t.users} user${t.users === 1 ? "" : "s"}${t.disabled ? `, ${t.disabled} disabled` : ""}`;
  if (!t.users) return [head];
  const lines = [head, ...columns([["factor", "held by"], ...t.factors.map((f) => [`${f.factor}${f.required ? " (required)" : ""}`, `${f.users} of ${t.users}`])], "  ")];
  if (!t.pending.length) return [...lines, "  pending enrolment: none"];
  const consequence = t.blockUntilEnrolled ? "no token until set up" : "not blocked: they sign in without them";
  return [
    ...lines,
    `  pending enrolment: ${t.pending.length} (${consequence})`,
    ...cut(t.pending, (p) => [p.username, `missing ${p.missing.join(", ")}`, [p.enabled ? "" : "disabled", p.requiredActions.length ? `set-up asked: ${p.requiredActions.join(", ")}` : ""].filter(Boolean).join("; ")], "    "),
  ];
}

export function renderStatus(r: StatusReport): string {
  const lines = [`realm ${r.realm}: ${r.users} user${r.users === 1 ? "" : "s"} (service accounts not counted)`];
  if (r.unknownRoles.length) lines.push(`  warning: the realm has no role ${r.unknownRoles.join(", ")}: apply the policy first; nobody is counted in those tiers`);
  for (const t of r.tiers) lines.push("", ...renderTier(t));
  lines.push("", `Recovery codes at or below ${r.warningThreshold} left: ${r.lowRecoveryCodes.length || "none"}`);
  lines.push(...cut(r.lowRecoveryCodes, (l) => [l.username, `${l.left} left`, l.tiers.length ? `tier ${l.tiers.join(", ")}` : "no tier"], "  "));
  lines.push("", `Users in no tier: ${r.noTier.users || "none"}`);
  if (r.noTier.users) {
    const names = r.noTier.usernames.slice(0, LIST_LIMIT).join(", ");
    lines.push(`  ${names}${r.noTier.users > LIST_LIMIT ? `, ... and ${r.noTier.users - LIST_LIMIT} more (--json lists all)` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
