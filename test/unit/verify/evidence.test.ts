// verify's pure parts: the configuration findings from a policy and a plan, how findings add up to
// PASS/FAIL, the secret search, and the report an auditor reads.
import { readFileSync } from "node:fs";
import type { Plan } from "../../../provisioning/plan/plan.js";
import { checkResults, CHECKS, type Finding } from "../../../provisioning/verify/checks.js";
import { configurationFindings } from "../../../provisioning/verify/configuration.js";
import { renderReport } from "../../../provisioning/verify/report.js";
import { leaks } from "../../../provisioning/verify/secrets.js";
import { renderVerdict } from "../../../provisioning/verify/verdict.js";
import { minimal, policyOf } from "../policy/minimal.js";

const example = () => policyOf(readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8"));
const clean: Plan = { realm: "r", changes: [], identityProviders: [] };
const failing = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => `${f.check}: ${f.text}`);

describe("configuration findings", () => {
  it("hold for the example policy on a realm that matches it", () => {
    const findings = configurationFindings(example(), clean);
    expect(failing(findings)).toEqual([]);
    expect(new Set(findings.map((f) => f.check))).toEqual(new Set(CHECKS.map((c) => c.id)));
  });

  it("fail V0 on drift, naming what apply would change", () => {
    const drift: Plan = { ...clean, changes: [{ action: "update", kind: "flow-binding", name: "browser", details: ["browserFlow: kca-browser-1 -> browser"] }] };
    expect(failing(configurationFindings(example(), drift))).toEqual(["V0: plan: 0 to create, 1 to update, 0 to delete (flow-binding browser): run kc-assurance apply"]);
  });

  it("fail V1 and V2 without a Tier 0, V4 without a tier that requires codes, V5 without a reset section", () => {
    expect(failing(configurationFindings(minimal(), clean))).toEqual([
      "V1: the policy has no Tier 0",
      "V2: the policy has no Tier 0",
      "V4: recovery codes required by no tier; renewal offered at 4 codes left",
      "V5: the policy has no reset section: resets are done by hand in the admin console, with no approval",
    ]);
  });

  it("fail V1 when Tier 0 lets users through before enrolling, V3 when codes may be reused, V4 when failures go unrecorded", () => {
    const text = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8")
      .replace("require: [webauthn, totp, recovery-codes]\n    blockUntilEnrolled: true", "require: [webauthn, totp, recovery-codes]\n    blockUntilEnrolled: false")
      .replace("codeReuse: false", "codeReuse: true")
      .replace("types: [LOGIN, LOGIN_ERROR,", "types: [LOGIN,");
    expect(failing(configurationFindings(policyOf(text), clean))).toEqual([
      "V1: Tier 0 (platform-admins) requires webauthn, totp, recovery-codes; blockUntilEnrolled: false",
      "V3: a code already used is accepted again (factors.totp.codeReuse: true)",
      "V4: login events kept 90 days, 9 types, but not LOGIN and LOGIN_ERROR, which record recovery-code use",
    ]);
  });
});

describe("check results", () => {
  const ok = (check: Finding["check"]): Finding => ({ check, kind: "behaviour", ok: true, text: "fine" });

  it("pass a check only when it has findings and all hold; one without findings failed", () => {
    const results = checkResults([ok("V0"), ok("V1"), { ...ok("V1"), ok: false, text: "token without MFA" }], [{ check: "V1", path: "screenshots/V1-a.png" }]);
    expect(results.map((r) => `${r.id} ${r.status}`)).toEqual(["V0 PASS", "V1 FAIL", "V2 FAIL", "V3 FAIL", "V4 FAIL", "V5 FAIL", "V6 FAIL"]);
    expect(results[1]!.screenshots).toEqual(["screenshots/V1-a.png"]);
    expect(results[2]!.findings).toEqual([{ check: "V2", kind: "behaviour", ok: false, text: "not checked: the run ended before this check" }]);
  });
});

describe("the secret search", () => {
  const secrets = [
    { label: "the TOTP key of u", value: "JBSWY3DPEHPK3PXP" },
    { label: "recovery code 1 of u", value: "ab12cd34ef56" },
    { label: "a short value", value: "12345" },
  ];

  it("finds a secret as it is, grouped, or in another case, and names it by label only", () => {
    const found = leaks(secrets, [
      { source: "login events", text: '{"details":{"note":"jbsw y3dp ehpk 3pxp"}}' },
      { source: "admin events", text: "code AB12-CD34-EF56 in a representation" },
      { source: "report.md", text: "nothing here" },
    ]);
    expect(found).toEqual(["the TOTP key of u appears in login events", "recovery code 1 of u appears in admin events"]);
    expect(found.join()).not.toMatch(/JBSWY3DPEHPK3PXP|ab12cd34ef56/i);
  });

  it("ignores values too short to be told from ordinary text", () => {
    expect(leaks(secrets, [{ source: "report.md", text: "12345 users" }])).toEqual([]);
  });
});

describe("the report and the terminal verdict", () => {
  const results = checkResults(
    [
      ...CHECKS.map((c) => ({ check: c.id, kind: "configuration" as const, ok: true, text: `${c.id} configured` })),
      { check: "V3", kind: "behaviour", ok: false, text: "a wrong code | was accepted" },
    ],
    [{ check: "V3", path: "screenshots/V3-wrong-code-refused.png" }],
  );
  const facts = { realm: "example", server: "https://sso.example.test", policyFile: "policies/example.yaml", startedAt: "2026-11-30T05:00:00.000Z", seconds: 80, throwaway: ["kca-verify-1-t0"] };

  it("opens with the outcome and a PASS/FAIL table, then each check's findings and screenshots", () => {
    const report = renderReport(facts, results);
    expect(report).toContain("- outcome: **1 of 7 checks failed**");
    expect(report).toContain("| V3 | FAIL | TOTP works for Tier 1 and above; incorrect codes are rejected |");
    expect(report).toContain("| V0 | PASS | The realm matches the policy (plan shows no change) |");
    expect(report).toContain("- **FAIL** (behaviour) a wrong code | was accepted");
    expect(report).toContain("![V3](screenshots/V3-wrong-code-refused.png)");
    expect(report).toContain("- throwaway users and client (removed after the run): kca-verify-1-t0");
  });

  it("prints one line per check and the failing findings under a failed one", () => {
    expect(renderVerdict("example", "/tmp/e/example-x", results).split("\n")).toEqual([
      "realm example: evidence in /tmp/e/example-x",
      ...CHECKS.map((c) => `  ${c.id} ${c.id === "V3" ? "FAIL" : "PASS"}  ${c.title}${c.id === "V3" ? "\n       a wrong code | was accepted" : ""}`).join("\n").split("\n"),
      "1 of 7 checks failed",
      "",
    ]);
  });
});
