// kc-assurance status: who in a realm holds the factors the policy's tiers ask for, who is still to
// set them up, whose recovery codes run low, who is in no tier. Reads the realm through our admin
// extension (status/read.ts); the report itself is pure (status/summary.ts, status/render.ts).
import type { Command } from "commander";
import type { Policy } from "../policy/model.js";
import { tierRole } from "../compile/steps.js";
import { readRealmFacts } from "../status/read.js";
import { renderStatus } from "../status/render.js";
import { summarize } from "../status/summary.js";
import { connect, loginOptions, UsageError, type ConnectionOptions, type Io } from "./connection.js";

interface StatusOptions extends ConnectionOptions {
  realm?: string;
  json?: boolean;
}

export function addStatusCommands(program: Command, io: Io, loadPolicy: (file: string) => Promise<Policy>): void {
  loginOptions(program.command("status"))
    .description("per tier: who holds each factor, who is pending enrolment, low recovery codes, users in no tier")
    .argument("<file>", "policy file")
    .option("--realm <name>", "the realm (default: the policy's realm)")
    .option("--json", "print the report as JSON on stdout")
    .action(async (file: string, opts: StatusOptions) => {
      const policy = await loadPolicy(file);
      const realm = opts.realm ?? policy.realm;
      if (!realm) throw new UsageError(`${file} names no realm: pass --realm`);
      const admin = await connect(opts, io.env);
      const started = Date.now();
      const facts = await readRealmFacts(admin, realm, policy.tiers.map(tierRole));
      const report = summarize(policy, realm, facts.users, facts.unknownRoles);
      io.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report));
      io.err(`read ${facts.users.length} users in ${Date.now() - started} ms\n`);
    });
}
