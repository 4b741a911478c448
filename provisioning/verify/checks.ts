// The verification checklist V1-V6 of the MFA rollout (seed 002 §10), plus V0 (the realm is the
// policy), and how findings add up to a PASS or FAIL per check. Pure.

export const CHECKS = [
  { id: "V0", title: "The realm matches the policy (plan shows no change)" },
  { id: "V1", title: "A Tier 0 user cannot obtain tokens until MFA is enrolled; enrolment is required at the next sign-in" },
  { id: "V2", title: "WebAuthn works for Tier 0 (security key sign-in succeeds)" },
  { id: "V3", title: "TOTP works for Tier 1 and above; incorrect codes are rejected" },
  { id: "V4", title: "Recovery codes are generated and single-use; their use is logged" },
  { id: "V5", title: "MFA reset requires approval and is logged" },
  { id: "V6", title: "No MFA secret or recovery code in events or in this evidence" },
] as const;

export type CheckId = (typeof CHECKS)[number]["id"];

/** One observed fact for a check: from the configuration (no user involved) or from behaviour (a throwaway user's sign-in). */
export interface Finding {
  readonly check: CheckId;
  readonly kind: "configuration" | "behaviour";
  readonly ok: boolean;
  readonly text: string;
}

export interface CheckResult {
  readonly id: CheckId;
  readonly title: string;
  readonly status: "PASS" | "FAIL";
  readonly findings: readonly Finding[];
  /** Paths relative to the evidence bundle. */
  readonly screenshots: readonly string[];
}

/** A check passes when it has findings and every one of them holds; one with none was not shown, so it fails. */
export function checkResults(findings: readonly Finding[], screenshots: readonly { check: CheckId; path: string }[]): CheckResult[] {
  return CHECKS.map(({ id, title }) => {
    const own = findings.filter((f) => f.check === id);
    const shown = own.length ? own : [{ check: id, kind: "behaviour" as const, ok: false, text: "not checked: the run ended before this check" }];
    return {
      id,
      title,
      status: shown.every((f) => f.ok) ? "PASS" : "FAIL",
      findings: shown,
      screenshots: screenshots.filter((s) => s.check === id).map((s) => s.path),
    };
  });
}
