// The guard's policy comes from the same policy file kc-assurance applies to the realm.
import { readFileSync } from "node:fs";
import { PolicyError } from "../../provisioning/policy/issues.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import type { GuardPolicy } from "../index.js";

export function guardPolicyFrom(file: string): GuardPolicy {
  const checked = checkPolicy(file, readFileSync(file, "utf8"));
  if (!checked.ok) throw new PolicyError(checked.issues);
  const { levels, api } = checked.policy;
  if (!api) throw new Error(`${file} has no api section`);
  return { levels, audience: api.audience, routes: api.routes };
}
