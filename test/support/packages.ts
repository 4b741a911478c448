// Our npm packages as a user gets them: packed with `npm pack` (whose prepack script builds each
// one) and installed into a fresh folder outside the repository, where nothing of the repository's
// node_modules (tsx, the sources) can be found. Used by test/keycloak/packages.test.ts and
// bench/packages.bench.ts.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../../scripts/keycloak/version.js";

export const GUARD = "kc-assurance-guard";
export const CLI = "kc-assurance";

export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** The tarball's path. */
  readonly file: string;
  /** Bytes of the tarball, and of its files unpacked. */
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
}

/** What the npm script that started us exports about its project and run, which would make npm act on the repository. */
const OUTER_NPM = /^npm_(package_|lifecycle_|command$|config_(local_prefix|workspaces?|include_workspace_root|call|yes)$)/i;

/**
 * The environment for npm and Node run from a test or bench: the outer npm's project variables left
 * out (its other config, such as a registry or cache, kept), and jest's NODE_OPTIONS.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_NPM.test(k) && k !== "NODE_OPTIONS"));
  return { ...env, ...extra };
}

const execFileAsync = promisify(execFile);

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; its exit code is the caller's to judge. */
export async function runCommand(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Outcome> {
  try {
    return { code: 0, ...(await execFileAsync(cmd, args, { cwd: options.cwd, env: options.env ?? cleanEnv(), maxBuffer: 64 * 1024 * 1024 })) };
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string; code?: number | string };
    if (typeof err.code !== "number") throw e; // not started at all (ENOENT and the like)
    return { code: err.code, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

/** Runs a command that must succeed; if it does not, the error names it and carries its output. */
export async function exec(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Outcome> {
  const outcome = await runCommand(cmd, args, options);
  if (outcome.code !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${options.cwd}) exited with ${outcome.code}:\n${outcome.stdout}${outcome.stderr}`);
  return outcome;
}

export const freshFolder = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `${prefix}-`));

/** Packs every workspace package into `dest`; by package name. */
export async function packWorkspaces(dest: string): Promise<Map<string, PackedPackage>> {
  const { stdout } = await exec("npm", ["pack", "--workspaces", "--json", "--pack-destination", dest], { cwd: repoRoot });
  const packed = JSON.parse(stdout) as (Omit<PackedPackage, "file"> & { filename: string })[];
  return new Map(packed.map((p) => [p.name, { name: p.name, version: p.version, file: join(dest, p.filename), size: p.size, unpackedSize: p.unpackedSize, entryCount: p.entryCount }]));
}

/** `name@version` as the repository pins it: what a consumer installs next to our packages (already in the npm cache). */
export function pinned(name: string): string {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const version = root.devDependencies[name];
  if (!version) throw new Error(`package.json pins no ${name}`);
  return `${name}@${version}`;
}

/**
 * Makes `dir` an ESM project with `specs` installed (tarball paths or name@version). Packages the
 * npm cache lacks come from the registry.
 */
export async function installInto(dir: string, specs: string[]): Promise<void> {
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`);
  await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", ...specs], { cwd: dir });
}
