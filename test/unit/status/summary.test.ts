// kc-assurance status's report from users' facts and the example policy, without a server.
import { readFileSync } from "node:fs";
import type { Policy } from "../../../provisioning/policy/model.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { LIST_LIMIT, renderStatus } from "../../../provisioning/status/render.js";
import { holds, summarize, type UserFacts } from "../../../provisioning/status/summary.js";

const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");

function policyOf(text: string): Policy {
  const r = checkPolicy("example.yaml", text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.policy;
}

const policy = policyOf(example);

/** A user as the extension describes them; `factors`: Keycloak credential types held once each. */
function user(username: string, roles: string[], factors: string[] = ["password"], extra: Partial<UserFacts> = {}): UserFacts {
  return {
    id: `id-${username}`, username, enabled: true, roles,
    credentials: Object.fromEntries(factors.map((t) => [t, 1])),
    recoveryCodesLeft: factors.includes("recovery-authn-codes") ? 12 : null,
    requiredActions: [],
    ...extra,
  };
}

describe("holding a factor", () => {
  it("is having a credential of its type; a set of recovery codes with none left is not holding them", () => {
    const u = user("u", [], ["password", "otp", "recovery-authn-codes"]);
    expect(holds(u, "totp")).toBe(true);
    expect(holds(u, "webauthn")).toBe(false);
    expect(holds(u, "recovery-codes")).toBe(true);
    expect(holds({ ...u, recoveryCodesLeft: 0 }, "recovery-codes")).toBe(false);
    expect(holds({ ...u, recoveryCodesLeft: 1 }, "recovery-codes")).toBe(true);
    expect(holds({ ...u, credentials: { otp: 0 } }, "totp")).toBe(false);
  });
});

describe("the status report", () => {
  const users = [
    user("tina", ["kca-tier-0"], ["password", "otp"], { requiredActions: ["webauthn-register"] }),
    user("theo", ["kca-tier-0"], ["password", "otp", "webauthn", "recovery-authn-codes"], { recoveryCodesLeft: 4 }),
    user("olga", ["kca-tier-1"], ["password", "otp", "recovery-authn-codes"], { recoveryCodesLeft: 5 }),
    user("otto", ["kca-tier-1"], ["password", "recovery-authn-codes"], { enabled: false, recoveryCodesLeft: 0 }),
    user("pia", ["kca-tier-2"], ["password"]),
    user("sam", ["kca-tier-3"], ["password"]),
    user("both", ["kca-tier-1", "kca-tier-3"], ["password", "otp", "recovery-authn-codes"], { recoveryCodesLeft: 2 }),
    user("nora", [], ["password", "otp", "recovery-authn-codes"], { recoveryCodesLeft: 1 }),
  ];
  const report = summarize(policy, "example", users);
  const tier = (n: number) => report.tiers.find((t) => t.tier === n)!;

  it("counts the holders of each required factor, then of each allowed one, per tier", () => {
    expect(tier(0)).toMatchObject({ name: "platform-admins", role: "kca-tier-0", users: 2, disabled: 0, blockUntilEnrolled: true });
    expect(tier(0).factors).toEqual([
      { factor: "totp", required: true, users: 2 },
      { factor: "webauthn", required: true, users: 1 },
      { factor: "recovery-codes", required: true, users: 1 },
      { factor: "password", required: false, users: 2 },
      { factor: "passkey", required: false, users: 0 },
    ]);
    // otto's used-up codes do not count; "both" is counted in each of their tiers.
    expect(tier(1)).toMatchObject({ users: 3, disabled: 1 });
    expect(tier(1).factors.slice(0, 2)).toEqual([{ factor: "totp", required: true, users: 2 }, { factor: "recovery-codes", required: true, users: 2 }]);
    expect(tier(3)).toMatchObject({ users: 2 });
    expect(tier(3).factors.every((f) => !f.required)).toBe(true);
  });

  it("lists who is still to set up a required factor, and whether the tier keeps them out until then", () => {
    expect(tier(0).pending).toEqual([{ username: "tina", enabled: true, missing: ["webauthn", "recovery-codes"], blocked: true, requiredActions: ["webauthn-register"] }]);
    expect(tier(1).pending).toEqual([{ username: "otto", enabled: false, missing: ["totp", "recovery-codes"], blocked: true, requiredActions: [] }]);
    expect(tier(2).pending).toEqual([{ username: "pia", enabled: true, missing: ["totp"], blocked: false, requiredActions: [] }]);
    expect(tier(3).pending).toEqual([]);
  });

  it("lists recovery codes at or below the policy's warning threshold, fewest first, with their tiers", () => {
    expect(report.warningThreshold).toBe(4);
    expect(report.lowRecoveryCodes).toEqual([
      { username: "otto", left: 0, tiers: [1] },
      { username: "nora", left: 1, tiers: [] },
      { username: "both", left: 2, tiers: [1, 3] },
      { username: "theo", left: 4, tiers: [0] },
    ]);
    const stricter = summarize(policyOf(example.replace("warningThreshold: 4", "warningThreshold: 1")), "example", users);
    expect(stricter.lowRecoveryCodes.map((l) => l.username)).toEqual(["otto", "nora"]);
  });

  it("counts users in no tier, and tiers whose role the realm lacks", () => {
    expect(report.users).toBe(8);
    expect(report.noTier).toEqual({ users: 1, usernames: ["nora"] });
    expect(summarize(policy, "example", [], ["kca-tier-2"]).unknownRoles).toEqual(["kca-tier-2"]);
  });

  it("goes by the tier's role as the policy names it", () => {
    const named = policyOf(example.replace("    group: tier-1-operators\n", "    role: operators\n"));
    const r = summarize(named, "example", [user("oz", ["operators"], ["password"]), user("olga", ["kca-tier-1"], ["password"])]);
    expect(r.tiers[1]).toMatchObject({ role: "operators", users: 1, pending: [{ username: "oz" }] });
    expect(r.noTier.usernames).toEqual(["olga"]);
  });
});

describe("the status table", () => {
  it("shows each tier's factors, pending users and what holds them back, then low codes and users in no tier", () => {
    const text = renderStatus(summarize(policy, "example", [
      user("tina", ["kca-tier-0"], ["password", "otp"], { requiredActions: ["webauthn-register"] }),
      user("pia", ["kca-tier-2"], ["password"], { enabled: false }),
      user("nora", [], ["password", "recovery-authn-codes"], { recoveryCodesLeft: 3 }),
    ]));
    expect(text).toContain("realm example: 3 users (service accounts not counted)");
    expect(text).toContain("Tier 0 platform-admins (role kca-tier-0): 1 user\n  factor                     held by\n  totp (required)            1 of 1\n  webauthn (required)        0 of 1\n");
    expect(text).toContain("  pending enrolment: 1 (no token until set up)\n    tina  missing webauthn, recovery-codes  set-up asked: webauthn-register\n");
    expect(text).toContain("Tier 2 project-owners (role kca-tier-2): 1 user, 1 disabled");
    expect(text).toContain("  pending enrolment: 1 (not blocked: they sign in without them)\n    pia  missing totp  disabled\n");
    expect(text).toContain("Tier 1 operators (role kca-tier-1): 0 users\n\n");
    expect(text).toContain("Recovery codes at or below 4 left: 1\n  nora  3 left  no tier\n");
    expect(text).toContain("Users in no tier: 1\n  nora\n");
    expect(text).not.toMatch(/ \n/);
  });

  it("cuts long lists, saying how many more --json holds", () => {
    const many = Array.from({ length: 2 * LIST_LIMIT + 10 }, (_, i) => user(`u${String(i).padStart(2, "0")}`, i % 2 ? [] : ["kca-tier-1"]));
    const report = summarize(policy, "example", many);
    const text = renderStatus(report);
    expect(report.noTier.usernames).toHaveLength(LIST_LIMIT + 5);
    expect(text).toContain(`Users in no tier: ${LIST_LIMIT + 5}\n  u01, u03, `);
    expect(text).toContain(`, ... and 5 more (--json lists all)\n`);
    expect(text).toContain(`  pending enrolment: ${LIST_LIMIT + 5} (no token until set up)\n`);
    expect(text).toContain(`    ... and 5 more (--json lists all)\n`);
    expect(text).not.toContain("u48"); // the 25th pending user, beyond the 20 shown
  });

  it("warns when the realm lacks a tier's role", () => {
    expect(renderStatus(summarize(policy, "example", [], ["kca-tier-0"]))).toContain("warning: the realm has no role kca-tier-0: apply the policy first");
  });
});
