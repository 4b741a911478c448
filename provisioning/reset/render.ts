// Reset requests as an operator reads them in a terminal. Pure.
import type { ResetRequest } from "./api.js";

export function renderRequest(r: ResetRequest): string {
  const approvals = r.approvals.map((a) => `${a.by.username} (${a.at})`).join(", ") || "none yet";
  const lines = [
    `reset ${r.id}: ${r.status}`,
    `  user:      ${r.user.username}`,
    `  factors:   ${r.factors.join(", ")}`,
    `  requested: by ${r.requester.username} at ${r.createdAt}; expires ${r.expiresAt}`,
    `  reason:    ${r.reason}`,
    `  ticket:    ${r.ticket}${r.proofing ? `; identity proofing: ${r.proofing}` : ""}`,
    `  approvals: ${approvals}${r.needed ? ` (${r.approvals.length} of ${r.needed})` : ""}`,
  ];
  if (r.closedBy) lines.push(`  ${r.status === "cancelled" ? "cancelled" : "closed"}: by ${r.closedBy.username} at ${r.closedAt}`);
  if (r.executed) {
    lines.push(
      `  carried out: removed ${r.executed.removed.join(", ") || "nothing"}; ${r.executed.sessionsEnded} session(s) ended; ` +
        `set-up asked: ${r.executed.requiredActions.join(", ") || "none"}; e-mail: ${r.executed.notified}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function renderList(requests: readonly ResetRequest[]): string {
  if (!requests.length) return "no reset requests\n";
  return requests.map((r) => `${r.id}  ${r.status.padEnd(9)} ${r.user.username.padEnd(20)} by ${r.requester.username.padEnd(16)} ${r.approvals.length}/${r.needed ?? "?"}  ${r.ticket}\n`).join("");
}
