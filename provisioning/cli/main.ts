// kc-assurance: validate a policy, plan its changes to realms, apply them, verify them with evidence;
// MFA resets (reset-commands.ts); status (status-commands.ts) and audit (audit-commands.ts) of a realm's users.
// Exit codes: 0 success (plan: no changes; verify: every check passed; status, audit: the report was read,
// whatever it says), 1 error, invalid policy, lock timeout, a refused reset call, or status/audit unable
// to read the realm, 2 plan --detailed-exitcode with changes, 3 verify: a check failed.
import { readFile } from "node:fs/promises";
import { Command, Option } from "commander";
import { unlock } from "../apply/lock.js";
import { applyPolicy, planRealm } from "../converge.js";
import { formatIssue, PolicyError, type PolicyIssue } from "../policy/issues.js";
import type { Policy } from "../policy/model.js";
import { renderPlan, summary } from "../plan/render.js";
import type { Plan } from "../plan/plan.js";
import { renderVerdict } from "../verify/verdict.js";
import { addAuditCommands } from "./audit-commands.js";
import { connect, loginOptions, resolveLogin, UsageError, type ConnectionOptions, type Io } from "./connection.js";
import { mapLimit } from "./map-limit.js";
import { addResetCommands } from "./reset-commands.js";
import { addStatusCommands } from "./status-commands.js";
import { cliVersion } from "./version.js";

export const EXIT = { ok: 0, error: 1, changes: 2, checkFailed: 3 } as const;

async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new PolicyError([{ file, line: 0, column: 0, path: "(file)", message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  // Loaded when a policy is read (the schema compiler and the YAML parser), not for --help.
  const { checkPolicy } = await import("../policy/validate.js");
  const result = checkPolicy(file, text);
  if (!result.ok) throw new PolicyError(result.issues);
  return result.policy;
}

function realmsFor(policy: Policy, file: string, given: string[]): string[] {
  const realms = given.length ? given : policy.realm ? [policy.realm] : [];
  if (!realms.length) throw new UsageError(`${file} names no realm: pass --realm`);
  return realms;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("kc-assurance")
    .description("Turn an MFA policy file into a Keycloak realm that enforces it.")
    .version(cliVersion())
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  const connection = (cmd: Command) =>
    loginOptions(cmd)
      .option("--realm <name...>", "realm(s) to act on (default: the policy's realm)", [])
      .addOption(new Option("--concurrency <n>", "realms worked on at once").default(4).argParser((v) => Math.max(1, Number.parseInt(v, 10) || 1)))
      .option("--json", "print the plan as JSON on stdout");

  program
    .command("validate")
    .description("check policy files without contacting a server")
    .argument("<file...>", "policy files")
    .action(async (files: string[]) => {
      const issues: PolicyIssue[] = [];
      for (const file of files) {
        try {
          await loadPolicy(file);
          io.out(`${file}: valid\n`);
        } catch (e) {
          if (!(e instanceof PolicyError)) throw e;
          issues.push(...e.issues);
        }
      }
      if (issues.length) {
        io.err(`${issues.map(formatIssue).join("\n")}\n${issues.length} problem${issues.length > 1 ? "s" : ""} found\n`);
        setExit(EXIT.error);
      }
    });

  connection(program.command("plan"))
    .description("show what apply would change, per realm")
    .argument("<file>", "policy file")
    .option("--detailed-exitcode", "exit 2 when there are changes, 0 when none")
    .action(async (file: string, opts: ConnectionOptions & { realm: string[]; concurrency: number; json?: boolean; detailedExitcode?: boolean }) => {
      const policy = await loadPolicy(file);
      const realms = realmsFor(policy, file, opts.realm);
      const admin = await connect(opts, io.env);
      const plans = await mapLimit(realms, opts.concurrency, (realm) => planRealm(admin, policy, realm));
      if (opts.json) io.out(`${JSON.stringify({ plans }, null, 2)}\n`);
      else plans.forEach((p) => io.out(renderPlan(p)));
      if (opts.detailedExitcode && plans.some((p) => p.changes.length)) setExit(EXIT.changes);
    });

  connection(program.command("apply"))
    .description("converge realms to the policy, then verify they match it")
    .argument("<file>", "policy file")
    .addOption(new Option("--lock-timeout <seconds>", "wait this long for another apply on the same realm").default(300).argParser(seconds))
    .option("--create-realm", "create a realm that does not exist yet (never done without this flag: a typo must not make a realm)")
    .action(async (file: string, opts: ConnectionOptions & { realm: string[]; concurrency: number; json?: boolean; lockTimeout: number; createRealm?: boolean }) => {
      const policy = await loadPolicy(file);
      const realms = realmsFor(policy, file, opts.realm);
      const admin = await connect(opts, io.env);
      let done = 0;
      const outcomes = await mapLimit(realms, opts.concurrency, async (realm) => {
        const started = Date.now();
        if (!(await admin.realms.findOne({ realm }))) {
          if (!opts.createRealm) throw new UsageError(`realm "${realm}" does not exist on the server; check the name, or pass --create-realm to create it`);
          await admin.realms.create({ realm, enabled: true }).catch((e: { response?: { status?: number } }) => {
            if (e.response?.status !== 409) throw e; // created meanwhile by another run
          });
          io.err(`${realm}: created the realm\n`);
        }
        const o = await applyPolicy(admin, policy, realm, {
          timeoutSeconds: opts.lockTimeout,
          onWait: (h) => io.err(`${realm}: waiting for another apply (${h.host} pid ${h.pid} since ${h.since}, lease until ${h.expires}), up to ${opts.lockTimeout} s\n`),
        });
        done++;
        io.err(`[${done}/${realms.length}] ${realm}: ${o.writes ? `${summary(o.plan.changes)}; ${o.writes} writes` : "no changes, 0 writes"} (${Date.now() - started} ms)\n`);
        return { realm, writes: o.writes, boundFlow: o.boundFlow, plan: o.plan as Plan };
      });
      if (opts.json) io.out(`${JSON.stringify({ applied: outcomes }, null, 2)}\n`);
      else outcomes.forEach((o) => io.out(o.writes ? renderPlan(o.plan) : `realm ${o.realm}: already matches the policy (0 writes)\n`));
    });

  connection(program.command("unlock"))
    .description("remove a realm's apply lock left by a run that was killed (only when no apply is running)")
    .action(async (opts: ConnectionOptions & { realm: string[] }) => {
      if (!opts.realm.length) throw new UsageError("unlock: pass --realm");
      const admin = await connect(opts, io.env);
      for (const realm of opts.realm) {
        const h = await unlock(admin, realm);
        io.out(h ? `realm ${realm}: removed the lock of ${h.host} pid ${h.pid} (since ${h.since})\n` : `realm ${realm}: not locked\n`);
      }
    });

  connection(program.command("verify"))
    .description("check V0-V6 on a live realm, with throwaway users in Chromium, and write a dated evidence bundle")
    .argument("<file>", "policy file")
    .requiredOption("--evidence <dir>", "folder for the bundle (a new <realm>-<time> folder inside it)")
    .action(async (file: string, opts: ConnectionOptions & { realm: string[]; json?: boolean; evidence: string }) => {
      const policy = await loadPolicy(file);
      const realms = realmsFor(policy, file, opts.realm);
      const admin = await connect(opts, io.env);
      const { url } = resolveLogin(opts, io.env);
      const { verifyRealm } = await import("../verify/verify.js");
      const outcomes = [];
      for (const realm of realms) {
        io.err(`${realm}: verifying with throwaway users in Chromium...\n`);
        const o = await verifyRealm(admin, { url: url.replace(/\/+$/, ""), realm, policy, policyFile: file, evidenceDir: opts.evidence });
        outcomes.push({ realm, ...o });
        if (!opts.json) io.out(renderVerdict(realm, o.dir, o.results));
      }
      if (opts.json) io.out(`${JSON.stringify({ verified: outcomes }, null, 2)}\n`);
      if (outcomes.some((o) => o.results.some((r) => r.status === "FAIL"))) setExit(EXIT.checkFailed);
    });

  addResetCommands(program, io);
  addStatusCommands(program, io, loadPolicy);
  addAuditCommands(program, io);

  return program;
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--lock-timeout: expected whole seconds (0 or more), got "${v}"`);
  return n;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests call it in-process. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    const err = e as Error & { code?: string; exitCode?: number };
    if (err.code?.startsWith("commander.")) return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    io.err(`${e instanceof PolicyError ? `${e.message}\n${e.issues.length} problem${e.issues.length > 1 ? "s" : ""} found` : `error: ${err.message}`}\n`);
    return e instanceof UsageError || e instanceof PolicyError ? EXIT.error : EXIT.error;
  }
  return code;
}
