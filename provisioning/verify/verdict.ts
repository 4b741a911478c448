// What verify prints on the terminal: where the bundle is and one line per check. Pure.
import type { CheckResult } from "./checks.js";

export function renderVerdict(realm: string, dir: string, results: readonly CheckResult[]): string {
  const failed = results.filter((r) => r.status === "FAIL");
  const lines = [`realm ${realm}: evidence in ${dir}`];
  for (const r of results) {
    lines.push(`  ${r.id} ${r.status}  ${r.title}`);
    if (r.status === "FAIL") for (const f of r.findings.filter((x) => !x.ok)) lines.push(`       ${f.text}`);
  }
  lines.push(failed.length ? `${failed.length} of ${results.length} checks failed` : `all ${results.length} checks passed`);
  return `${lines.join("\n")}\n`;
}
