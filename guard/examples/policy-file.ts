// The guard's policy comes from the same policy file kc-assurance applies to the realm
// (checkPolicy is the CLI package's: npm install kc-assurance).
import { readFileSync } from "node:fs";
import type { GuardPolicy } from "kc-assurance-guard";
import { checkPolicy, PolicyError } from "kc-assurance/policy";

export function guardPolicyFrom(file: string): GuardPolicy {
  const checked = checkPolicy(file, readFileSync(file, "utf8"));
  if (!checked.ok) throw new PolicyError(checked.issues);
  const { levels, api } = checked.policy;
  if (!api) throw new Error(`${file} has no api section`);
  return { levels, audience: api.audience, routes: api.routes };
}
