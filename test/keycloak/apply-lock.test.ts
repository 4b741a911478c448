// Applies that meet on one realm: a lock held in Keycloak makes them take turns, so five at once
// all succeed and leave one flow of each kind; a lock whose holder was killed does not block for
// longer than its lease; a live one makes a run with a short --lock-timeout give up with a clear
// message, `plan` says the realm is locked, and `unlock` frees it.
import { runCli } from "../support/cli.js";
import { LOCK_ROLE } from "../../provisioning/apply/lock.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("apply-lock");

const ownedFlows = async () => (await realm.admin.authenticationManagement.getFlows()).map((f) => f.alias!).filter((a) => a.startsWith("kca-")).sort();

async function lockBy(host: string, expiresInSeconds: number): Promise<void> {
  await realm.admin.roles.create({
    name: LOCK_ROLE,
    attributes: { host: [host], pid: ["4242"], since: [new Date().toISOString()], expires: [new Date(Date.now() + expiresInSeconds * 1000).toISOString()] },
  });
}

describe("apply lock", () => {
  it("five applies at once on a fresh realm all succeed, one after another, leaving one flow of each kind", async () => {
    const runs = await Promise.all(Array.from({ length: 5 }, () => runCli(realm, ["apply", "policies/example.yaml", "--realm", realm.name])));
    const codes = runs.map((r) => r.code);
    expect({ codes, errors: runs.map((r) => r.err).filter((e) => /error/i.test(e)) }).toEqual({ codes: [0, 0, 0, 0, 0], errors: [] });
    // Those that waited said for whom; exactly one made the changes, the others found nothing left to do.
    expect(runs.filter((r) => /waiting for another apply \(.+ pid \d+ since /.test(r.err)).length).toBeGreaterThan(0);
    expect(runs.filter((r) => /; [1-9]\d* writes \(/.test(r.err)).length).toBe(1);
    const flows = await ownedFlows();
    expect(flows.filter((f) => f.startsWith("kca-browser-"))).toHaveLength(1);
    expect(flows.filter((f) => f.startsWith("kca-broker-"))).toHaveLength(1);
    expect(await realm.admin.roles.findOneByName({ name: LOCK_ROLE })).toBeFalsy();
    const plan = await runCli(realm, ["plan", "policies/example.yaml", "--realm", realm.name, "--detailed-exitcode"]);
    expect(plan.code).toBe(0);
  });

  it("a lock whose holder was killed (lease run out) is taken over", async () => {
    await realm.admin.roles.updateByName({ name: "kca-tier-0" }, { name: "kca-tier-0", description: "drift" });
    await lockBy("killed-host", -5);
    const r = await runCli(realm, ["apply", "policies/example.yaml", "--realm", realm.name, "--lock-timeout", "0"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/1 to update/);
    expect(await realm.admin.roles.findOneByName({ name: LOCK_ROLE })).toBeFalsy();
  });

  it("a live lock: plan says so, apply gives up after --lock-timeout naming the holder, unlock frees the realm", async () => {
    await realm.admin.roles.updateByName({ name: "kca-tier-0" }, { name: "kca-tier-0", description: "drift again" });
    await lockBy("busy-host", 600);
    const plan = await runCli(realm, ["plan", "policies/example.yaml", "--realm", realm.name]);
    expect(plan.code).toBe(0);
    expect(plan.out).toMatch(/locked: an apply is running \(busy-host pid 4242 since .+, lease until .+\)/);

    const started = Date.now();
    const blocked = await runCli(realm, ["apply", "policies/example.yaml", "--realm", realm.name, "--lock-timeout", "2"]);
    expect(blocked.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(blocked.err).toMatch(/locked by another apply \(busy-host pid 4242 since .+\); waited 2 s\. If no apply is running, remove the lock with: kc-assurance unlock --realm apply-lock-/);
    // Nothing was written while it waited.
    expect((await realm.admin.roles.findOneByName({ name: "kca-tier-0" }))!.description).toBe("drift again");

    const freed = await runCli(realm, ["unlock", "--realm", realm.name]);
    expect(freed.code).toBe(0);
    expect(freed.out).toMatch(/removed the lock of busy-host pid 4242/);
    const after = await runCli(realm, ["apply", "policies/example.yaml", "--realm", realm.name]);
    expect(after.code).toBe(0);
    expect((await realm.admin.roles.findOneByName({ name: "kca-tier-0" }))!.description).toMatch(/^Managed by kc-assurance/);
  });
});
