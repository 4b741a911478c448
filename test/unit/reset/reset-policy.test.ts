// The policy's reset section: defaults, what it compiles to for our provider, and its errors.
import { readFileSync } from "node:fs";
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { computePlan } from "../../../provisioning/plan/plan.js";
import { convergedRealm } from "../policy/converged.js";

const example = readFileSync(new URL("../../../policies/example.yaml", import.meta.url), "utf8");
const withReset = (section: string) => example.replace(/\nreset:\n(?: {2}.*\n)+/, `\nreset:\n${section}`);

function compiled(text: string) {
  const r = checkPolicy("x.yaml", text);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return { policy: r.policy, desired: compileRealm(r.policy) };
}
const facts = (text: string) => JSON.parse(compiled(text).desired.realm["attributes.kcaResetPolicy"] as string);

describe("the reset section", () => {
  it("defaults: one approval everywhere, the top level within 10 minutes, proofing required, 24 hours, client kc-assurance-cli", () => {
    expect(facts(withReset("  requesters: [helpdesk]\n  approvers: [security]\n"))).toEqual({
      v: 1,
      requesters: ["helpdesk"],
      approvers: ["security"],
      tiers: [
        { role: "kca-tier-0", approvals: 1, reenroll: ["webauthn-register", "CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"] },
        { role: "kca-tier-1", approvals: 1, reenroll: ["CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"] },
        { role: "kca-tier-2", approvals: 1, reenroll: ["CONFIGURE_TOTP"] },
        { role: "kca-tier-3", approvals: 1, reenroll: [] },
      ],
      none: { approvals: 1, reenroll: [] },
      level: 3,
      acr: "urn:example:loa:3",
      maxAge: 600,
      identityProofing: true,
      expiresAfter: 86400,
      client: "kc-assurance-cli",
    });
  });

  it("takes approvals per tier and for users in no tier, a level, and optional proofing", () => {
    const f = facts(withReset("  requesters: [helpdesk]\n  approvers: [security]\n  approvals: { 0: 2, 1: 3, none: 2 }\n  level: loa2\n  identityProofing: optional\n"));
    expect(f.tiers.map((t: { approvals: number }) => t.approvals)).toEqual([2, 3, 1, 1]);
    expect(f).toMatchObject({ none: { approvals: 2 }, level: 2, acr: "urn:example:loa:2", identityProofing: false });
  });

  it("creates the roles it names when missing and never changes a realm's own; creates the CLI client", () => {
    const { desired } = compiled(example);
    expect(desired.roles.filter((r) => r.createOnly).map((r) => r.name)).toEqual(["identity-admins", "security-owners"]);
    expect(desired.clients.find((c) => c.clientId === "kc-assurance-cli")).toEqual({ clientId: "kc-assurance-cli", attributes: {}, redirectUris: ["http://127.0.0.1/callback"] });
    const actual = convergedRealm(desired);
    const own = { ...actual, roles: { ...actual.roles, "identity-admins": { description: "the realm's own" } } };
    expect(computePlan(desired, own).changes).toEqual([]);
    const missing = { ...actual, roles: { ...actual.roles, "security-owners": undefined } };
    expect(computePlan(desired, missing).changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual(["create role security-owners"]);
  });

  it("describes each role it creates by what the workflow lets it do", () => {
    const { desired } = compiled(withReset("  requesters: [helpdesk, identity-admins]\n  approvers: [identity-admins, security]\n"));
    expect(desired.roles.filter((r) => r.createOnly)).toEqual([
      { name: "helpdesk", description: "Created by kc-assurance: MFA resets (may request)", createOnly: true },
      { name: "identity-admins", description: "Created by kc-assurance: MFA resets (may request, may approve)", createOnly: true },
      { name: "security", description: "Created by kc-assurance: MFA resets (may approve)", createOnly: true },
    ]);
  });

  it("re-enrols only factors that have a set-up action: a required password is kept, not set up again", () => {
    const f = facts(withReset("  requesters: [helpdesk]\n  approvers: [security]\n").replace("require: [totp]\n", "require: [password, totp]\n"));
    expect(f.tiers[2]).toEqual({ role: "kca-tier-2", approvals: 1, reenroll: ["CONFIGURE_TOTP"] });
  });

  it("without a section, removes the realm attribute (the provider then refuses every call)", () => {
    const { desired } = compiled(example.replace(/\nreset:\n(?: {2}.*\n)+/, "\n"));
    expect(desired.realm["attributes.kcaResetPolicy"]).toBe("");
    expect(desired.clients.map((c) => c.clientId)).not.toContain("kc-assurance-cli");
  });

  it.each([
    ["no approvers", "  requesters: [helpdesk]\n", "reset", /missing required field "approvers"/],
    ["zero approvals", "  requesters: [a]\n  approvers: [b]\n  approvals: { 0: 0 }\n", "reset.approvals[0]", /expected 1 or more/],
    ["a level not on the ladder", "  requesters: [a]\n  approvers: [b]\n  level: gold\n", "reset.level", /level "gold" is not defined/],
    ["a client the policy also lists", "  requesters: [a]\n  approvers: [b]\n  client: admin-portal\n", "reset.client", /also listed under clients\[0\]/],
    ["a role name with a space", "  requesters: [help desk]\n  approvers: [b]\n", "reset.requesters[0]", /a realm role name/],
  ])("refuses %s", (_name, section, path, message) => {
    const r = checkPolicy("x.yaml", withReset(section));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
  });
});
