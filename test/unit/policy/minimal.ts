// The smallest policy that exercises the ladder, a tier and a client: every option it leaves out
// takes its default, so tests built on it notice a changed default.
import { compileRealm, type DesiredRealm } from "../../../provisioning/compile/desired.js";
import type { Policy } from "../../../provisioning/policy/model.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";

export const MINIMAL = `version: 1
levels:
  - { name: low, acr: [urn:low], factors: [password], maxAge: 1h }
  - { name: high, acr: [urn:high], factors: [totp, webauthn], maxAge: 5m }
factors:
  password: {}
  totp: {}
  webauthn: {}
tiers:
  - { tier: 1, name: staff, group: staff, level: high, require: [totp, webauthn] }
clients:
  - { clientId: app, defaultLevel: high, minimumLevel: high, redirectUris: ["https://app.test/*"] }
  - { clientId: legacy }
`;

/** The policy of a YAML text; throws with its issues when it is not valid. */
export function policyOf(text: string): Policy {
  const r = checkPolicy("test.yaml", text);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join("\n"));
  return r.policy;
}

export const minimal = (): Policy => policyOf(MINIMAL);
export const minimalRealm = (): DesiredRealm => compileRealm(minimal());
