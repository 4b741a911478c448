// The evidence bundle's report: a PASS/FAIL table an auditor reads first, then each check's
// findings and screenshots. Pure Markdown from the results.
import type { CheckResult } from "./checks.js";

export interface RunFacts {
  readonly realm: string;
  readonly server: string;
  readonly policyFile: string;
  readonly startedAt: string;
  readonly seconds: number;
  /** Throwaway users and client, made for the run and removed after it. */
  readonly throwaway: readonly string[];
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderReport(facts: RunFacts, results: readonly CheckResult[]): string {
  const failed = results.filter((r) => r.status === "FAIL").length;
  const lines = [
    `# MFA verification: realm ${facts.realm}`,
    "",
    `- server: ${facts.server}`,
    `- policy: ${facts.policyFile}`,
    `- run: ${facts.startedAt}, ${facts.seconds} s`,
    `- throwaway users and client (removed after the run): ${facts.throwaway.join(", ") || "none"}`,
    `- outcome: ${failed ? `**${failed} of ${results.length} checks failed**` : `all ${results.length} checks passed`}`,
    "",
    "| check | result | what was shown |",
    "|---|---|---|",
    ...results.map((r) => `| ${r.id} | ${r.status} | ${cell(r.title)} |`),
  ];
  for (const r of results) {
    lines.push("", `## ${r.id} ${r.status}: ${r.title}`, "");
    for (const f of r.findings) lines.push(`- ${f.ok ? "ok" : "**FAIL**"} (${f.kind}) ${f.text}`);
    if (r.screenshots.length) lines.push("", ...r.screenshots.map((p) => `![${r.id}](${p})`));
  }
  return `${lines.join("\n")}\n`;
}
