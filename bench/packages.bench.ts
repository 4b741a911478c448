// The npm packages as users get them (packed, installed into a folder outside the repository, see
// test/support/packages.ts): their size, the guard's import time and the CLI's time to --help.
// Goals (issue 19): the guard small (no dependencies; its packed size is what an API pulls in), and
// `kc-assurance --help` well under a second.
//
// Times are medians over fresh Node processes. The import time is taken inside the process, from
// before the import to after it, as CPU time (what the import costs, whatever else the shared
// machine runs) and wall clock; --help is the whole process, wall clock, next to an empty
// `node -e 0` run in turn with it, so that the machine's load shows in both.
import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { CLI, cleanEnv, freshFolder, GUARD, installInto, packWorkspaces } from "../test/support/packages.js";

const RUNS = 15;
const HELP_GOAL_MS = 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function node(dir: string, args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: dir, env: cleanEnv(), encoding: "utf8" });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${r.status}:\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

export default async function bench(): Promise<void> {
  const dir = await freshFolder("kca-bench-packages");
  try {
    const packed = await packWorkspaces(dir);
    await installInto(dir, [...packed.values()].map((p) => p.file));
    process.stdout.write(`${"package".padEnd(22)}${"packed".padEnd(12)}${"unpacked".padEnd(12)}files\n`);
    for (const p of packed.values()) process.stdout.write(`${p.name.padEnd(22)}${kb(p.size).padEnd(12)}${kb(p.unpackedSize).padEnd(12)}${p.entryCount}\n`);

    // node:crypto alone, the least any token verifier on Node loads, as the scale for the guard's figure.
    process.stdout.write("\n");
    for (const specifier of ["node:crypto", GUARD]) {
      const script =
        `const cpu = process.cpuUsage(); const t = performance.now(); await import("${specifier}"); const wall = performance.now() - t; ` +
        `const used = process.cpuUsage(cpu); process.stdout.write(JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 }));`;
      const runs = Array.from({ length: RUNS }, () => JSON.parse(node(dir, ["--input-type=module", "-e", script]).stdout) as { wall: number; cpu: number });
      const cpu = median(runs.map((r) => r.cpu));
      const wall = median(runs.map((r) => r.wall));
      process.stdout.write(`import of ${specifier.padEnd(18)}: ${cpu.toFixed(1)} ms CPU, ${wall.toFixed(1)} ms wall clock (medians of ${RUNS} fresh processes)\n`);
    }

    const bin = join(dir, "node_modules", CLI, "dist/provisioning/cli/bin.js");
    const help: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      help.push(node(dir, [bin, "--help"]).ms);
      empty.push(node(dir, ["-e", "0"]).ms);
    }
    const helpMs = median(help);
    process.stdout.write(
      `${CLI} --help: ${helpMs.toFixed(0)} ms, node -e 0: ${median(empty).toFixed(0)} ms (medians of ${RUNS}, wall clock, whole process)\n` +
        `goal --help < ${HELP_GOAL_MS} ms: ${helpMs < HELP_GOAL_MS ? "met" : "NOT met"}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
