// Audit lines as a table for people, CSV for spreadsheets, JSON for programs. Pure.
import { columns } from "../text/columns.js";
import type { AuditLine } from "./lines.js";

export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

const FIELDS = ["time", "user", "kind", "what", "factor", "client", "level", "ip", "result", "by"] as const satisfies readonly (keyof AuditLine)[];

export function renderTable(lines: readonly AuditLine[]): string {
  if (!lines.length) return "no audited events in this period\n";
  const shown = FIELDS.filter((f) => f !== "kind");
  return `${columns([shown.map((f) => f.toUpperCase()), ...lines.map((l) => shown.map((f) => l[f] || "-"))]).join("\n")}\n`;
}

/** RFC 4180: every field quoted, quotes doubled; a header row. */
export function renderCsv(lines: readonly AuditLine[]): string {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [FIELDS.join(","), ...lines.map((l) => FIELDS.map((f) => quote(l[f])).join(","))].map((r) => `${r}\r\n`).join("");
}

export function renderAudit(format: Format, realm: string, since: Date, lines: readonly AuditLine[]): string {
  if (format === "json") return `${JSON.stringify({ realm, since: since.toISOString(), lines }, null, 2)}\n`;
  return format === "csv" ? renderCsv(lines) : renderTable(lines);
}
