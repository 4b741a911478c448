// `kc-assurance verify`: V0-V6 against a live realm, the configuration from the policy and the plan,
// the behaviour with throwaway users in a real browser, written as a dated evidence bundle:
// report.md (PASS/FAIL table), results.json (the findings behind it), screenshots/ (secrets masked).
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import type { AdminClient } from "../admin/connect.js";
import { createPublicClient } from "../browser/oidc.js";
import { planRealm } from "../converge.js";
import type { Policy } from "../policy/model.js";
import { enrolmentBlocks, recoveryCodesWork, securityKeyWorks, tierAboveZero, totpWorks } from "./behaviour.js";
import { checkResults, type CheckResult } from "./checks.js";
import { configurationFindings } from "./configuration.js";
import { rememberSecrets, signInAnswering, throwawayPerson, type Person } from "./people.js";
import { adminEventsSince, loginEventsOf } from "./records.js";
import { renderReport } from "./report.js";
import { resetNeedsApproval } from "./reset-check.js";
import { RunContext } from "./run-context.js";
import { leaks } from "./secrets.js";

export interface VerifyOptions {
  readonly url: string;
  readonly realm: string;
  readonly policy: Policy;
  readonly policyFile: string;
  /** The bundle goes into a new folder <realm>-<time> under it. */
  readonly evidenceDir: string;
}

export interface VerifyOutcome {
  readonly dir: string;
  readonly results: readonly CheckResult[];
}

export async function verifyRealm(admin: AdminClient, opts: VerifyOptions): Promise<VerifyOutcome> {
  const startedAt = new Date();
  const dir = join(opts.evidenceDir, `${opts.realm}-${startedAt.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "")}`);
  await mkdir(dir, { recursive: true });
  const run = new RunContext(admin, opts.url, opts.realm, opts.policy, `kca-verify-${randomBytes(3).toString("hex")}`, dir, startedAt);

  run.findings.push(...configurationFindings(opts.policy, await planRealm(admin, opts.policy, opts.realm)));
  const browser = await openBrowser();
  try {
    await signInChecks(run, browser);
  } finally {
    await browser.close();
    for (const problem of await run.cleanUp()) run.record("V0", false, `cleaning up after the run: ${problem}`);
  }
  await eventChecks(run);

  const results = await writeBundle(run, opts);
  return { dir, results };
}

/** Chromium, loaded only when verify runs (the CLI's other commands start without it). */
async function openBrowser(): Promise<Browser> {
  const { launchBrowser, CHROMIUM_PATH } = await import("../browser/chromium.js");
  return launchBrowser().catch((e: Error) => {
    throw new Error(`verify signs in through Chromium, which did not start from ${CHROMIUM_PATH} (set CHROMIUM_PATH): ${e.message.split("\n")[0]}`);
  });
}

/** V1-V5's behaviour: a Tier 0 person and one of the lowest tier above it that uses TOTP. */
async function signInChecks(run: RunContext, browser: Browser): Promise<void> {
  const { policy } = run;
  const clientId = `${run.prefix}-app`;
  const client = await createPublicClient(run.admin, run.realm, run.issuer, clientId);
  run.throwaway.push(`client ${clientId}`);
  run.onCleanup(async () => {
    const [made] = await run.admin.clients.find({ realm: run.realm, clientId });
    if (made?.id) await run.admin.clients.del({ realm: run.realm, id: made.id });
  });

  const tier0 = policy.tiers.find((t) => t.tier === 0);
  let admin: Person | undefined;
  if (tier0) {
    await run.attempt("V1", "Tier 0 sign-in", async () => {
      const person = await throwawayPerson(run, browser, tier0, policy.reset?.requesters.slice(0, 1) ?? []);
      await enrolmentBlocks(run, person, client);
      admin = person;
    });
    if (admin) await run.attempt("V2", "security key sign-in", () => securityKeyWorks(run, admin!, client));
  } else {
    run.record("V1", false, "no Tier 0 user to sign in as");
    run.record("V2", false, "no Tier 0 user to sign in as");
  }

  const upper = tierAboveZero(policy.tiers);
  let user: Person | undefined;
  if (upper) {
    await run.attempt("V3", `Tier ${upper.tier} enrolment`, async () => {
      const person = await throwawayPerson(run, browser, upper);
      await signInAnswering(person, client, { periodsAhead: 0 });
      rememberSecrets(run, person);
      user = person;
    });
    if (user) {
      await run.attempt("V3", "TOTP sign-in", () => totpWorks(run, user!, client));
      await run.attempt("V4", "recovery-code sign-in", () => recoveryCodesWork(run, user!, client));
    }
  } else {
    run.record("V3", false, "no tier above Tier 0 requires TOTP: no user to sign in as");
  }

  if (!policy.reset) return;
  if (admin && user) await run.attempt("V5", "reset request", () => resetNeedsApproval(run, policy.reset!, admin!, user!));
  else run.record("V5", false, "a reset needs the Tier 0 requester and the user of the tier above it, and one of them could not sign in");
}

/** V6's search, in the events the run's users left. */
async function eventChecks(run: RunContext): Promise<void> {
  await run.attempt("V6", "reading the run's events", async () => {
    const admins = await adminEventsSince(run);
    const logins = (await Promise.all(run.users.map((u) => loginEventsOf(run, u.id)))).flat();
    const found = leaks(run.secrets, [
      { source: "login events", text: JSON.stringify(logins) },
      { source: "admin events", text: JSON.stringify(admins) },
    ]);
    run.record("V6", found.length === 0, found.length ? found.join("; ") : `none of the run's ${run.secrets.length} secrets (passwords, TOTP keys, recovery codes) is in its ${logins.length} login events or ${admins.length} admin events`);
  });
}

/** report.md and results.json; both are searched for the run's secrets before they are final. */
async function writeBundle(run: RunContext, opts: VerifyOptions): Promise<CheckResult[]> {
  const facts = { realm: opts.realm, server: opts.url, policyFile: opts.policyFile, startedAt: run.startedAt.toISOString(), seconds: Math.round((Date.now() - run.startedAt.getTime()) / 1000), throwaway: run.throwaway };
  const render = () => {
    const results = checkResults(run.findings, run.screenshots);
    return { results, report: renderReport(facts, results), json: `${JSON.stringify({ ...facts, results }, null, 2)}\n` };
  };
  let out = render();
  const found = leaks(run.secrets, [{ source: "report.md", text: out.report }, { source: "results.json", text: out.json }]);
  // Never written, not even as a failure: the bundle is meant to be shared.
  if (found.length) throw new Error(`verify: a secret reached the evidence (${found.join("; ")}); report.md and results.json were not written`);
  run.findings.push({ check: "V6", kind: "behaviour", ok: true, text: "report.md and results.json hold none of the run's secrets; screenshots mask the TOTP key, its QR code and recovery codes" });
  out = render();
  await writeFile(join(run.bundleDir, "report.md"), out.report);
  await writeFile(join(run.bundleDir, "results.json"), out.json);
  return out.results;
}
