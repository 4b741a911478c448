// Provisioning cost on a real Keycloak: time and admin API calls for a first apply to a fresh realm,
// a no-op re-apply, and 20 realms at once. Targets (2 cores): no-op < 1 s/realm with 0 writes,
// first apply < 3 s/realm.
import { readFileSync } from "node:fs";
import { connectAdmin } from "../provisioning/admin/connect.js";
import { mapLimit } from "../provisioning/cli/map-limit.js";
import { applyPolicy } from "../provisioning/converge.js";
import { checkPolicy } from "../provisioning/policy/validate.js";
import { KeycloakLauncher } from "../scripts/keycloak/launcher.js";
import { providerJars } from "../scripts/keycloak/provider-jars.js";

/** Counts requests by method while fn runs (the admin client uses the global fetch). */
async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; reads: number; writes: number }> {
  const original = globalThis.fetch;
  let reads = 0, writes = 0;
  globalThis.fetch = (input, init) => {
    if ((init?.method ?? "GET").toUpperCase() === "GET") reads++; else writes++;
    return original(input, init);
  };
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, reads, writes };
  } finally {
    globalThis.fetch = original;
  }
}

export default async function bench(): Promise<void> {
  const r = checkPolicy("policies/example.yaml", readFileSync(new URL("../policies/example.yaml", import.meta.url), "utf8"));
  if (!r.ok) throw new Error("example policy is invalid");
  const kc = await new KeycloakLauncher().withProviders(providerJars()).start();
  try {
    const admin = await connectAdmin(kc.baseUrl, { kind: "password", ...kc.admin });
    const stamp = Date.now().toString(36);
    const row = (name: string, m: { ms: number; reads: number; writes: number }, realms = 1) =>
      console.log(`${name.padEnd(34)} ${(m.ms / realms).toFixed(0).padStart(6)} ms/realm  ${String(m.reads).padStart(5)} GET  ${String(m.writes).padStart(5)} other (token requests included)`);

    const one = `bench-${stamp}`;
    await admin.realms.create({ realm: one, enabled: true });
    row("first apply, fresh realm", await counted(() => applyPolicy(admin, r.policy, one)));
    const noop = await counted(() => applyPolicy(admin, r.policy, one));
    row(`no-op re-apply (writes: ${noop.value.writes})`, noop);

    const many = Array.from({ length: 20 }, (_, i) => `bench-${stamp}-${i}`);
    for (const realm of many) await admin.realms.create({ realm, enabled: true });
    row("20 realms, first apply, 4 at once", await counted(() => mapLimit(many, 4, (realm) => applyPolicy(admin, r.policy, realm))), 20);
    const again = await counted(() => mapLimit(many, 4, (realm) => applyPolicy(admin, r.policy, realm)));
    row(`20 realms, no-op (writes: ${again.value.reduce((n, o) => n + o.writes, 0)})`, again, 20);
    for (const realm of [one, ...many]) await admin.realms.del({ realm });
  } finally {
    await kc.stop();
  }
}
