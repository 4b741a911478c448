// What the checks of one verification run share: the server, the findings and screenshots so far,
// the secrets made (for V6), and what to remove at the end. The edge where checks meet the world.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { AdminClient } from "../admin/connect.js";
import type { Policy } from "../policy/model.js";
import type { CheckId, Finding } from "./checks.js";
import type { Secret } from "./secrets.js";

/** Shown on set-up pages and never to be pictured: the TOTP key and its QR code, recovery codes. */
const SECRET_SELECTORS = ['[data-testid="totp-secret"]', "img", '[data-testid="recovery-codes"]'];

export class RunContext {
  readonly findings: Finding[] = [];
  readonly screenshots: { check: CheckId; path: string }[] = [];
  readonly secrets: Secret[] = [];
  /** Names of the throwaway users and client, for the report. */
  readonly throwaway: string[] = [];
  /** The throwaway users, whose login events V4 and V6 read. */
  readonly users: { readonly id: string; readonly username: string }[] = [];
  private readonly cleanups: (() => Promise<unknown>)[] = [];

  constructor(
    readonly admin: AdminClient,
    readonly url: string,
    readonly realm: string,
    readonly policy: Policy,
    /** Names of what this run makes start with it, e.g. "kca-verify-1a2b3c". */
    readonly prefix: string,
    readonly bundleDir: string,
    readonly startedAt: Date,
  ) {}

  get issuer(): string {
    return `${this.url}/realms/${this.realm}`;
  }

  record(check: CheckId, ok: boolean, text: string): void {
    this.findings.push({ check, kind: "behaviour", ok, text });
  }

  /** Runs one check's behaviour; a throw is that check's failure, and the run goes on. */
  async attempt(check: CheckId, what: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.record(check, false, `${what}: ${(e as Error).message.split("\n")[0]}`);
    }
  }

  /** A full-page screenshot with every secret on the page masked. */
  async shoot(check: CheckId, name: string, page: Page): Promise<void> {
    const path = join("screenshots", `${check}-${name}.png`);
    await mkdir(join(this.bundleDir, "screenshots"), { recursive: true });
    await page.screenshot({ path: join(this.bundleDir, path), fullPage: true, mask: SECRET_SELECTORS.map((s) => page.locator(s)) });
    this.screenshots.push({ check, path });
  }

  /** Done at the end of the run, the last registered first, also when a check failed. */
  onCleanup(step: () => Promise<unknown>): void {
    this.cleanups.unshift(step);
  }

  async cleanUp(): Promise<string[]> {
    const problems: string[] = [];
    for (const step of this.cleanups) await step().catch((e: Error) => problems.push(e.message));
    return problems;
  }
}
