// An apply that dies part-way (here: the connection drops for good after some writes, so not even
// its own clean-up runs, as with a killed process) leaves the realm usable on its old flow, and the
// next apply converges and removes the half-built flow once the dead run's lock is freed.
import { unlock } from "../../provisioning/apply/lock.js";
import { applyPolicy, planRealm } from "../../provisioning/converge.js";
import { FLOW_PREFIX } from "../../provisioning/compile/desired.js";
import { examplePolicy } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("interrupted");

/** Lets `writes` non-GET requests through, then fails every request. Returns the restore function. */
function dropConnectionAfter(writes: number): () => void {
  const original = globalThis.fetch;
  let left = writes;
  globalThis.fetch = (input, init) => {
    if (left <= 0) return Promise.reject(new TypeError("fetch failed (connection dropped)"));
    if ((init?.method ?? "GET").toUpperCase() !== "GET") left--;
    return original(input, init);
  };
  return () => (globalThis.fetch = original);
}

describe("an interrupted apply", () => {
  it("leaves the old flow bound and working; the next apply converges", async () => {
    const first = await applyPolicy(realm.admin, examplePolicy(), realm.name);
    const changed = examplePolicy((t) => t.replace("maxAge: 15m", "maxAge: 20m"));

    const restore = dropConnectionAfter(25); // inside the building of the new flow
    await expect(applyPolicy(realm.admin, changed, realm.name)).rejects.toThrow(/fetch failed/);
    restore();

    const rep = (await realm.admin.realms.findOne({ realm: realm.name }))!;
    expect(rep.browserFlow).toBe(first.boundFlow);
    const flows = (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias!).filter((a) => a.startsWith(FLOW_PREFIX));
    expect(flows.length).toBe(2); // the bound one and the half-built one
    expect((await fetch(`${realm.issuer}/.well-known/openid-configuration`)).status).toBe(200);

    const plan = await planRealm(realm.admin, changed, realm.name);
    expect(plan.changes.filter((c) => c.kind === "flow" && c.action === "delete" && c.name.startsWith(FLOW_PREFIX))).toHaveLength(2);
    // A run that died holds the realm's lock until its lease runs out; the operator may free it at once.
    expect(plan.lockedBy).toMatchObject({ pid: process.pid });
    expect(await unlock(realm.admin, realm.name)).toMatchObject({ pid: process.pid });

    const second = await applyPolicy(realm.admin, changed, realm.name);
    const after = (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias!).filter((a) => a.startsWith(FLOW_PREFIX));
    expect(after).toEqual([second.boundFlow]);
    expect((await planRealm(realm.admin, changed, realm.name)).changes).toEqual([]);
  });
});
