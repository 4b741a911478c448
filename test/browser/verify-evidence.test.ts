// kc-assurance verify against a real Keycloak and Chromium: on a realm applied from the example
// policy every check passes and the bundle holds the report, the JSON and masked screenshots; on a
// realm whose browser flow was swapped back to Keycloak's stock one, V0 and V1 fail and the command
// exits 3. Either way the throwaway users and client are gone afterwards.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../../provisioning/verify/checks.js";
import { runCli } from "../support/cli.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("verify");
const evidence = mkdtempSync(join(tmpdir(), "kca-evidence-"));

async function verify(): Promise<{ code: number; out: string; dir: string; results: CheckResult[] }> {
  const { code, out } = await runCli(realm, ["verify", "policies/example.yaml", "--realm", realm.name, "--evidence", evidence, "--json"]);
  const { verified } = JSON.parse(out) as { verified: { dir: string; results: CheckResult[] }[] };
  return { code, out, dir: verified[0]!.dir, results: verified[0]!.results };
}

const status = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

async function leftBehind(): Promise<string[]> {
  const users = await realm.admin.users.find({ search: "kca-verify-" });
  const clients = (await realm.admin.clients.find()).filter((c) => c.clientId?.startsWith("kca-verify-"));
  return [...users.map((u) => u.username!), ...clients.map((c) => c.clientId!)];
}

afterAll(() => rmSync(evidence, { recursive: true, force: true }));

describe("kc-assurance verify --evidence", () => {
  it("passes V0-V6 on a realm applied from the example policy and writes the bundle", async () => {
    expect((await runCli(realm, ["apply", "policies/example.yaml", "--realm", realm.name])).code).toBe(0);
    const { code, dir, results } = await verify();

    expect(results.flatMap((r) => r.findings.filter((f) => !f.ok).map((f) => `${f.check}: ${f.text}`))).toEqual([]);
    expect(status(results)).toEqual({ V0: "PASS", V1: "PASS", V2: "PASS", V3: "PASS", V4: "PASS", V5: "PASS", V6: "PASS" });
    expect(code).toBe(0);
    expect(dir.startsWith(join(evidence, `${realm.name}-`))).toBe(true);
    const report = readFileSync(join(dir, "report.md"), "utf8");
    expect(report).toContain("| V4 | PASS | Recovery codes are generated and single-use; their use is logged |");
    expect(report).toContain("marked kca_recovery_code=used");
    expect(JSON.parse(readFileSync(join(dir, "results.json"), "utf8"))).toMatchObject({ realm: realm.name, results: results });
    const shots = readdirSync(join(dir, "screenshots"));
    expect(shots).toEqual(expect.arrayContaining(["V1-set-up-asked.png", "V2-security-key.png", "V3-wrong-code-refused.png", "V4-used-code-refused.png"]));
    for (const shot of shots) expect(report).toContain(`screenshots/${shot}`);
    expect(await leftBehind()).toEqual([]);
  }, 300_000); // a whole run: some ten browser sign-ins

  it("fails V0 and V1 once the realm signs in with Keycloak's stock browser flow, and exits 3", async () => {
    await realm.admin.realms.update({ realm: realm.name }, { browserFlow: "browser" });
    const { code, out, results } = await verify();

    expect(code).toBe(3);
    expect(status(results)).toMatchObject({ V0: "FAIL", V1: "FAIL" });
    const v1 = results.find((r) => r.id === "V1")!;
    expect(v1.findings.filter((f) => !f.ok).map((f) => f.text).join("\n")).toMatch(/after the password: (?!login-config-totp)/);
    expect(out).not.toContain("pw-");
    expect(await leftBehind()).toEqual([]);
  }, 300_000);
});
