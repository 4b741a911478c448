// Applies that meet on one realm: a lock held in Keycloak makes them take turns, so five at once
// all succeed and leave one flow of each kind; a lock whose holder was killed does not block for
// longer than its lease; a live one makes a run with a short --lock-timeout give up with a clear
// message, `plan` says the realm is locked, and `unlock` frees it.
import { run } from "../../provisioning/cli/main.js";
import { LOCK_ROLE } from "../../provisioning/apply/lock.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("apply-lock");

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const { baseUrl, admin } = realm.server;
  const env = { KEYCLOAK_URL: baseUrl, KEYCLOAK_ADMIN_USERNAME: admin.username, KEYCLOAK_ADMIN_PASSWORD: admin.password };
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), env } };
}

const ownedFlows = async () => (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias!).filter((a) => a.startsWith("kca-")).sort();

async function lockBy(host: string, expiresInSeconds: number): Promise<void> {
  await realm.admin.roles.create({
    name: LOCK_ROLE,
    attributes: { host: [host], pid: ["4242"], since: [new Date().toISOString()], expires: [new Date(Date.now() + expiresInSeconds * 1000).toISOString()] },
  });
}

describe("apply lock", () => {
  it("five applies at once on a fresh realm all succeed, one after another, leaving one flow of each kind", async () => {
    const runs = Array.from({ length: 5 }, () => cli());
    const codes = await Promise.all(runs.map((r) => run(["apply", "policies/example.yaml", "--realm", realm.name], r.io)));
    expect({ codes, errors: runs.map((r) => r.err.join("")).filter((e) => /error/i.test(e)) }).toEqual({ codes: [0, 0, 0, 0, 0], errors: [] });
    // Those that waited said for whom; exactly one made the changes, the others found nothing left to do.
    expect(runs.filter((r) => /waiting for another apply \(.+ pid \d+ since /.test(r.err.join(""))).length).toBeGreaterThan(0);
    expect(runs.filter((r) => /; [1-9]\d* writes \(/.test(r.err.join(""))).length).toBe(1);
    const flows = await ownedFlows();
    expect(flows.filter((f) => f.startsWith("kca-browser-"))).toHaveLength(1);
    expect(flows.filter((f) => f.startsWith("kca-broker-"))).toHaveLength(1);
    expect(await realm.admin.roles.findOneByName({ name: LOCK_ROLE })).toBeFalsy();
    const plan = cli();
    expect(await run(["plan", "policies/example.yaml", "--realm", realm.name, "--detailed-exitcode"], plan.io)).toBe(0);
  });

  it("a lock whose holder was killed (lease run out) is taken over", async () => {
    await realm.admin.roles.updateByName({ name: "kca-tier-0" }, { name: "kca-tier-0", description: "drift" });
    await lockBy("killed-host", -5);
    const r = cli();
    expect(await run(["apply", "policies/example.yaml", "--realm", realm.name, "--lock-timeout", "0"], r.io)).toBe(0);
    expect(r.err.join("")).toMatch(/1 to update/);
    expect(await realm.admin.roles.findOneByName({ name: LOCK_ROLE })).toBeFalsy();
  });

  it("a live lock: plan says so, apply gives up after --lock-timeout naming the holder, unlock frees the realm", async () => {
    await realm.admin.roles.updateByName({ name: "kca-tier-0" }, { name: "kca-tier-0", description: "drift again" });
    await lockBy("busy-host", 600);
    const plan = cli();
    expect(await run(["plan", "policies/example.yaml", "--realm", realm.name], plan.io)).toBe(0);
    expect(plan.out.join("")).toMatch(/locked: an apply is running \(busy-host pid 4242 since .+, lease until .+\)/);

    const blocked = cli();
    const started = Date.now();
    expect(await run(["apply", "policies/example.yaml", "--realm", realm.name, "--lock-timeout", "2"], blocked.io)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(blocked.err.join("")).toMatch(/locked by another apply \(busy-host pid 4242 since .+\); waited 2 s\. If no apply is running, remove the lock with: kc-assurance unlock --realm apply-lock-/);
    // Nothing was written while it waited.
    expect((await realm.admin.roles.findOneByName({ name: "kca-tier-0" }))!.description).toBe("drift again");

    const freed = cli();
    expect(await run(["unlock", "--realm", realm.name], freed.io)).toBe(0);
    expect(freed.out.join("")).toMatch(/removed the lock of busy-host pid 4242/);
    const after = cli();
    expect(await run(["apply", "policies/example.yaml", "--realm", realm.name], after.io)).toBe(0);
    expect((await realm.admin.roles.findOneByName({ name: "kca-tier-0" }))!.description).toMatch(/^Managed by kc-assurance/);
  });
});
