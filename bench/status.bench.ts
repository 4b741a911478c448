// `kc-assurance status` on a realm of 10,000 users (the example policy's four tiers, most users in
// none, assorted factors): users created through partialImport, then the command's read through our
// admin extension, paged and 4 pages at once, and its summary. For comparison, the stock admin API's
// one credentials request per user, timed on 500 users and scaled up. Target (2 cores): seconds.
import { readFileSync } from "node:fs";
import { connectAdmin, type AdminClient } from "../provisioning/admin/connect.js";
import { tierRole } from "../provisioning/compile/steps.js";
import { mapLimit } from "../provisioning/cli/map-limit.js";
import { applyPolicy } from "../provisioning/converge.js";
import { checkPolicy } from "../provisioning/policy/validate.js";
import { readRealmFacts } from "../provisioning/status/read.js";
import { summarize } from "../provisioning/status/summary.js";
import { KeycloakLauncher } from "../scripts/keycloak/launcher.js";
import { providerJars } from "../scripts/keycloak/provider-jars.js";
import { importUsers, type ImportedUser } from "../test/support/users.js";

const USERS = 10_000;
const SAMPLE = 500;

/** User i of the bench realm: tier by position, factors by a fixed pattern, so every run is alike. */
function user(i: number): ImportedUser {
  const group = i < 20 ? "tier-0-platform-admins" : i < 500 ? "tier-1-operators" : i < 2000 ? "tier-2-project-owners" : i < 5000 ? "tier-3-standard-users" : undefined;
  return {
    username: `user-${String(i).padStart(5, "0")}`,
    ...(group ? { groups: [group] } : {}),
    totp: i % 3 !== 0,
    ...(i % 4 === 0 ? {} : { recoveryCodesLeft: i % 13 }),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default async function bench(): Promise<void> {
  const r = checkPolicy("policies/example.yaml", readFileSync(new URL("../policies/example.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error("example policy is invalid");
  const kc = await new KeycloakLauncher().withProviders(providerJars()).start();
  const realm = `bench-status-${Date.now().toString(36)}`;
  let admin: AdminClient | undefined;
  try {
    admin = await connectAdmin(kc.baseUrl, { kind: "password", ...kc.admin });
    await admin.realms.create({ realm, enabled: true });
    await applyPolicy(admin, r.policy, realm);
    let started = performance.now();
    await importUsers(admin, realm, Array.from({ length: USERS }, (_, i) => user(i)));
    console.log(`${USERS} users created (partialImport, 1,000 a request)   ${seconds(performance.now() - started)}`);

    for (const run of ["first", "second"]) {
      started = performance.now();
      const facts = await readRealmFacts(admin, realm, r.policy.tiers.map(tierRole));
      const report = summarize(r.policy, realm, facts.users, facts.unknownRoles);
      const pending = report.tiers.reduce((n, t) => n + t.pending.length, 0);
      console.log(`status, ${run} run: ${report.users} users, ${pending} pending, ${report.lowRecoveryCodes.length} low on codes   ${seconds(performance.now() - started)}`);
    }

    admin.setConfig({ realmName: realm });
    const sample = await admin.users.find({ max: SAMPLE, briefRepresentation: true });
    started = performance.now();
    await mapLimit(sample, 4, (u) => admin!.users.getCredentials({ id: u.id! }));
    const perUser = (performance.now() - started) / sample.length;
    console.log(`stock admin API, one credentials request per user, 4 at once: ${SAMPLE} users ${seconds(perUser * SAMPLE)}, ${USERS} users about ${seconds(perUser * USERS)} (without role lookups)`);
  } finally {
    await admin?.realms.del({ realm }).catch(() => {});
    await kc.stop();
  }
}
