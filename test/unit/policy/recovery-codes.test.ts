// Recovery codes in the desired realm: the warning threshold reaches Keycloak's required-action
// config, and our renewal action (new codes and factor after a sign-in with a code) is turned on.
import { readFileSync } from "node:fs";
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { computePlan } from "../../../provisioning/plan/plan.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { convergedRealm } from "./converged.js";

const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");

function compile(text: string) {
  const r = checkPolicy("p.yaml", text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return compileRealm(r.policy);
}

describe("recovery codes in the desired realm", () => {
  const desired = compile(example);

  it("writes the policy's warningThreshold as the required action's warning_threshold and enables the renewal action", () => {
    expect(desired.requiredActions["CONFIGURE_RECOVERY_AUTHN_CODES"]).toEqual({ enabled: true, "config.warning_threshold": "4" });
    expect(desired.requiredActions["kca-recovery-renewal"]).toEqual({ enabled: true });
    const other = compile(example.replace("recovery-codes: { warningThreshold: 4 }", "recovery-codes: { warningThreshold: 2 }"));
    expect(other.requiredActions["CONFIGURE_RECOVERY_AUTHN_CODES"]).toEqual({ enabled: true, "config.warning_threshold": "2" });
  });

  it("plans a drifted or unset threshold as a required-action update, and nothing once it matches", () => {
    const base = convergedRealm(desired);
    expect(computePlan(desired, base).changes).toEqual([]);
    const drifted = { ...base, requiredActions: { ...base.requiredActions, CONFIGURE_RECOVERY_AUTHN_CODES: { enabled: true, "config.warning_threshold": "7" } } };
    expect(computePlan(desired, drifted).changes).toEqual([
      { action: "update", kind: "required-action", name: "CONFIGURE_RECOVERY_AUTHN_CODES", details: ['config.warning_threshold: "7" -> "4"'] },
    ]);
    // Keycloak's default (4) applies while the config is empty; the policy still writes it, so it stays put.
    const unset = { ...base, requiredActions: { ...base.requiredActions, CONFIGURE_RECOVERY_AUTHN_CODES: { enabled: true, "config.warning_threshold": undefined } } };
    expect(computePlan(desired, unset).changes.map((c) => c.details)).toEqual([['config.warning_threshold: (unset) -> "4"']]);
  });

  it("plans registering the renewal action where the realm lacks it", () => {
    const base = convergedRealm(desired);
    const { "kca-recovery-renewal": _, ...rest } = base.requiredActions;
    const plan = computePlan(desired, { ...base, requiredActions: { ...rest, "kca-recovery-renewal": undefined } });
    expect(plan.changes).toEqual([{ action: "create", kind: "required-action", name: "kca-recovery-renewal", details: ["enabled: (unset) -> true"] }]);
  });

  it("leaves the config alone and the renewal off when recovery codes are not enabled", () => {
    const withoutCodes = example
      .replace("factors: [totp, webauthn, recovery-codes]", "factors: [totp, webauthn]")
      .replace("  recovery-codes: { warningThreshold: 4 }\n", "")
      .replaceAll(", recovery-codes]", "]");
    const d = compile(withoutCodes);
    expect(d.requiredActions["CONFIGURE_RECOVERY_AUTHN_CODES"]).toEqual({ enabled: false });
    expect(d.requiredActions["kca-recovery-renewal"]).toEqual({ enabled: false });
  });
});
