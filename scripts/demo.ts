// The demo realm of `npm start`: the example policy applied, and one user per tier.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AdminClient } from "../provisioning/admin/connect.js";
import { applyPolicy } from "../provisioning/converge.js";
import { PolicyError } from "../provisioning/policy/issues.js";
import { checkPolicy } from "../provisioning/policy/validate.js";
import { repoRoot } from "./keycloak/version.js";

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly tier: number;
}

export async function setUpDemo(admin: AdminClient, policyFile = `${repoRoot}policies/example.yaml`): Promise<{ realm: string; users: DemoUser[] }> {
  const result = checkPolicy(policyFile, readFileSync(policyFile, "utf8"));
  if (!result.ok) throw new PolicyError(result.issues);
  const policy = result.policy;
  const realm = policy.realm ?? "example";
  if (!(await admin.realms.findOne({ realm }))) await admin.realms.create({ realm, enabled: true });
  await applyPolicy(admin, policy, realm);

  const users: DemoUser[] = [];
  for (const tier of policy.tiers) {
    const username = `demo-tier${tier.tier}`;
    const password = `demo-${randomBytes(6).toString("base64url")}`;
    const existing = (await admin.users.find({ realm, username, exact: true }))[0];
    const id = existing?.id ?? (await admin.users.create({
      realm, username, enabled: true, email: `${username}@example.test`, emailVerified: true, firstName: "Demo", lastName: `Tier ${tier.tier}`,
    })).id;
    await admin.users.resetPassword({ realm, id, credential: { type: "password", value: password, temporary: false } });
    if (tier.group) {
      const group = (await admin.groups.find({ realm, search: tier.group, exact: true } as never)).find((g) => g.name === tier.group);
      if (group?.id) await admin.users.addToGroup({ realm, id, groupId: group.id });
    }
    users.push({ username, password, tier: tier.tier });
  }
  return { realm, users };
}
