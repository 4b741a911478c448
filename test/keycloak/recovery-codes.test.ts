// The recovery-codes settings apply manages on a real realm: the policy's warningThreshold as the
// CONFIGURE_RECOVERY_AUTHN_CODES required action's warning_threshold (its config endpoint), and our
// kca-recovery-renewal action registered and enabled; a re-apply writes nothing; drift is repaired.
import { readFileSync } from "node:fs";
import { applyPolicy, planRealm } from "../../provisioning/converge.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import type { Policy } from "../../provisioning/policy/model.js";
import { useFreshRealm } from "../support/realm.js";

const exampleText = readFileSync(new URL("../../policies/example.yaml", import.meta.url), "utf8");
const policyOf = (text: string): Policy => {
  const r = checkPolicy("policy.yaml", text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.policy;
};
const realm = useFreshRealm("recovery-codes");
const ALIAS = "CONFIGURE_RECOVERY_AUTHN_CODES";
const threshold = async () => (await realm.admin.authenticationManagement.getRequiredActionConfig({ alias: ALIAS } as never)).config?.["warning_threshold"];

describe("recovery codes on Keycloak", () => {
  it("writes warningThreshold and registers the renewal action; a second apply writes nothing", async () => {
    const policy = policyOf(exampleText.replace("recovery-codes: { warningThreshold: 4 }", "recovery-codes: { warningThreshold: 3 }"));
    // Keycloak's own default, before apply: no config (it falls back to 4).
    expect(await threshold()).toBeUndefined();
    await applyPolicy(realm.admin, policy, realm.name);
    expect(await threshold()).toBe("3");
    const actions = await realm.admin.authenticationManagement.getRequiredActions();
    expect(actions.find((a) => a.alias === "kca-recovery-renewal")).toMatchObject({ providerId: "kca-recovery-renewal", enabled: true });
    expect((await planRealm(realm.admin, policy, realm.name)).changes).toEqual([]);
    expect((await applyPolicy(realm.admin, policy, realm.name)).writes).toBe(0);
  });

  it("shows a threshold changed in the admin console in plan and repairs it, keeping the action's other settings", async () => {
    const policy = policyOf(exampleText);
    // The admin console's edit: another threshold and a max age of its own (not the policy's business).
    await realm.admin.authenticationManagement.updateRequiredActionConfig({ alias: ALIAS } as never, { config: { warning_threshold: "9", max_auth_age: "600" } });
    const plan = await planRealm(realm.admin, policy, realm.name);
    expect(plan.changes).toEqual([{ action: "update", kind: "required-action", name: ALIAS, details: ['config.warning_threshold: "9" -> "4"'] }]);
    const applied = await applyPolicy(realm.admin, policy, realm.name);
    expect(applied.writes).toBe(1);
    expect((await realm.admin.authenticationManagement.getRequiredActionConfig({ alias: ALIAS } as never)).config).toEqual({ warning_threshold: "4", max_auth_age: "600" });
    expect((await planRealm(realm.admin, policy, realm.name)).changes).toEqual([]);
  });
});
