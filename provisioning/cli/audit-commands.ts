// kc-assurance audit: what happened to users' second factors in a realm since a time (seed 000's audit
// list, and lockouts), one line each, from Keycloak's login and admin events. Reads through
// audit/read.ts; the lines and their rendering are pure (audit/lines.ts, audit/render.ts).
import { Option, type Command } from "commander";
import { seconds } from "../policy/duration.js";
import { readAudit } from "../audit/read.js";
import { FORMATS, renderAudit, type Format } from "../audit/render.js";
import { connect, loginOptions, resolveLogin, UsageError, type ConnectionOptions, type Io } from "./connection.js";

interface AuditOptions extends Omit<ConnectionOptions, "user"> {
  admin?: string;
  realm?: string;
  since: string;
  user?: string;
  format: Format;
}

/** The start of the period: a duration back from `now` ("7d", "12h", "30m") or a date or time (ISO 8601). */
export function sinceTime(value: string, now: Date): Date {
  if (/^\d+[smhd]$/.test(value)) return new Date(now.getTime() - seconds(value) * 1000);
  const at = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new UsageError(`--since: expected a duration such as 7d, 12h or 30m, or a date such as 2026-11-23, got "${value}"`);
  return new Date(at);
}

export function addAuditCommands(program: Command, io: Io): void {
  loginOptions(program.command("audit"), "--admin")
    .description("second-factor events of a realm's users: enrolments, removals, failed challenges, recovery codes, step-ups, resets, upstream MFA, lockouts")
    .option("--realm <name>", "the realm (env KEYCLOAK_REALM)")
    .option("--since <when>", "start of the period: 7d, 12h, 30m, or a date (2026-11-23)", "7d")
    .option("--user <name>", "only what happened to this user")
    .addOption(new Option("--format <format>", "output").choices(FORMATS).default("table"))
    .action(async (opts: AuditOptions) => {
      const realm = opts.realm ?? io.env.KEYCLOAK_REALM;
      if (!realm) throw new UsageError("no realm: pass --realm or set KEYCLOAK_REALM");
      const since = sinceTime(opts.since, new Date());
      const login = { ...opts, user: opts.admin };
      const admin = await connect(login, io.env);
      const authRealm = resolveLogin(login, io.env).login.realm ?? "master";
      const { lines, warnings } = await readAudit(admin, { realm, authRealm, since, ...(opts.user ? { user: opts.user } : {}) });
      warnings.forEach((w) => io.err(`warning: ${w}\n`));
      io.out(renderAudit(opts.format, realm, since, lines));
    });
}
