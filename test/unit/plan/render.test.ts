// What `kc-assurance plan` prints for people.
import type { Plan } from "../../../provisioning/plan/plan.js";
import { renderPlan, summary } from "../../../provisioning/plan/render.js";

describe("a rendered plan", () => {
  it("says a matching realm has no changes, and names its providers' treatment all the same", () => {
    expect(renderPlan({ realm: "acme", changes: [], identityProviders: [] })).toBe("realm acme: no changes; it matches the policy.\n");
    expect(renderPlan({ realm: "acme", changes: [], identityProviders: [{ alias: "corp", trust: "accept", listed: true }, { alias: "social", trust: "reject", listed: false }] })).toBe(
      "realm acme: no changes; it matches the policy.\n  identity providers: corp (trust accept), social (not in the policy: trust reject)\n",
    );
  });

  it("counts the changes, then gives each with a sign and its details indented, then the lock", () => {
    const plan: Plan = {
      realm: "acme",
      changes: [
        { action: "create", kind: "role", name: "kca-tier-1", details: ['description: "tier 1"'] },
        { action: "update", kind: "realm", name: "acme", details: ["failureFactor: 9 -> 5", "permanentLockout: true -> false"] },
        { action: "delete", kind: "flow", name: "kca-browser-1", details: [] },
        { action: "update", kind: "client", name: "app", details: [] },
      ],
      identityProviders: [],
      lockedBy: { host: "ci-3", pid: 42, since: "2026-01-01T12:00:00Z", expires: "2026-01-01T12:02:00Z" },
    };
    expect(renderPlan(plan)).toBe(
      [
        "realm acme: 1 to create, 2 to update, 1 to delete",
        "  + role kca-tier-1",
        '      description: "tier 1"',
        "  ~ realm acme",
        "      failureFactor: 9 -> 5",
        "      permanentLockout: true -> false",
        "  - flow kca-browser-1",
        "  ~ client app",
        "  locked: an apply is running (ci-3 pid 42 since 2026-01-01T12:00:00Z, lease until 2026-01-01T12:02:00Z); this plan may be out of date when it ends",
        "",
      ].join("\n"),
    );
  });

  it("summarises an empty list of changes as nothing to do", () => {
    expect(summary([])).toBe("0 to create, 0 to update, 0 to delete");
  });
});
