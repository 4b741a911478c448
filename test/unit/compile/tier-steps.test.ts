// What the browser flow asks a tier at each level, compared line by line WITH each step's config:
// which role a condition names and whether it is negated, which credential, which amr.
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { flowLines, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import { MINIMAL, minimal, policyOf } from "../policy/minimal.js";

/** The lines inside a subflow, config included, trimmed; undefined when there is no such subflow. */
function block(tree: FlowTree, name: string): string[] | undefined {
  const all = flowLines(tree);
  const start = all.findIndex((l) => l.trim() === `${name} (subflow) CONDITIONAL` || l.trim() === `${name} (subflow) REQUIRED`);
  if (start < 0) return undefined;
  const depth = all[start]!.search(/\S/);
  const end = all.findIndex((l, i) => i > start && l.search(/\S/) <= depth);
  return all.slice(start + 1, end < 0 ? undefined : end).map((l) => l.trim());
}
const subflows = (tree: FlowTree) => flowLines(tree).filter((l) => l.includes("(subflow)")).map((l) => l.trim());

const role = (negate: boolean, name = "kca-tier-1") => `conditional-user-role REQUIRED {"condUserRole":"${name}","negate":"${negate}"}`;
const otp = (requirement: string) => `auth-otp-form ${requirement} {"default.reference.maxAge":"3600","default.reference.value":"otp"}`;
const key = (requirement: string) => `webauthn-authenticator ${requirement} {"default.reference.maxAge":"3600","default.reference.value":"hwk"}`;
/** Level 1 of these policies is the password alone: asked with the username on one page. */
const onePage = (maxAge = "3600") => `auth-username-password-form REQUIRED {"default.reference.maxAge":"${maxAge}","default.reference.value":"pwd"}`;

describe("a tier's required factors in the browser flow", () => {
  it("asks both of a tier's required factors at the one level that lists them, in place of its any-one choice", () => {
    const tree = compileRealm(minimal()).browserFlow;
    expect(block(tree, "high-tier-1")).toEqual([role(false), otp("REQUIRED"), key("REQUIRED")]);
    expect(block(tree, "high-any")).toEqual([role(true), "conditional-user-configured REQUIRED", otp("ALTERNATIVE"), key("ALTERNATIVE")]);
  });

  it("by default (missingFactor enroll) sets up the level's first factor for users who have none of them", () => {
    expect(block(compileRealm(minimal()).browserFlow, "high-any-enrol")).toEqual([
      role(true),
      'conditional-sub-flow-executed REQUIRED {"check_result":"not-executed","flow_to_check":"{flow} high-any"}',
      otp("REQUIRED"),
    ]);
  });

  it("sets up a passkey when that is all the level offers", () => {
    const text = MINIMAL.replace("factors: [totp, webauthn], maxAge: 5m", "factors: [passkey], maxAge: 5m")
      .replace("  webauthn: {}\n", "  webauthn: {}\n  passkey: {}\n")
      .replace("level: high, require: [totp, webauthn] }", "level: low }");
    const passkey = 'webauthn-authenticator-passwordless REQUIRED {"default.reference.maxAge":"3600","default.reference.value":"hwk"}';
    const tree = compileRealm(policyOf(text)).browserFlow;
    expect(block(tree, "high-any")).toEqual(["conditional-user-configured REQUIRED", passkey]);
    expect(block(tree, "high-any-enrol")).toEqual(['conditional-sub-flow-executed REQUIRED {"check_result":"not-executed","flow_to_check":"{flow} high-any"}', passkey]);
  });

  it("refuses a passkey sign-in on the first page to a tier not allowed passkeys, and lets the others through with its amr", () => {
    const text = MINIMAL.replace("factors: [password], maxAge: 1h", "factors: [password, passkey], maxAge: 1h")
      .replace("  webauthn: {}\n", "  webauthn: {}\n  passkey: {}\n")
      .replace("require: [totp, webauthn] }", "require: [totp, webauthn], allow: [password, totp, webauthn] }");
    const tree = compileRealm(policyOf(text)).browserFlow;
    const used = 'conditional-credential REQUIRED {"credentials":"webauthn-passwordless","included":"true"}';
    expect(block(tree, "low-first-page-passkey")).toEqual([used, role(true), 'allow-access-authenticator REQUIRED {"default.reference.maxAge":"3600","default.reference.value":"hwk"}']);
    expect(block(tree, "low-tier-1-first-page-passkey")).toEqual([used, role(false), 'deny-access-authenticator REQUIRED {"denyErrorMessage":"kcaPasskeyNotAllowed"}']);
  });

  it("with missingFactor deny, only asks the choice, and sets nothing up", () => {
    const tree = compileRealm(policyOf(`${MINIMAL}stepUp: { missingFactor: deny }\n`)).browserFlow;
    expect(block(tree, "high-any")).toEqual([role(true), otp("ALTERNATIVE"), key("ALTERNATIVE")]);
    expect(block(tree, "high-any-enrol")).toBeUndefined();
  });

  it("by default blocks until enrolled; with blockUntilEnrolled false asks the factors only once the user has them, on top of the choice", () => {
    expect(subflows(compileRealm(minimal()).browserFlow).filter((l) => l.includes("tier-1"))).toEqual(["high-tier-1 (subflow) CONDITIONAL"]);
    const tree = compileRealm(policyOf(MINIMAL.replace("require: [totp, webauthn] }", "require: [totp, webauthn], blockUntilEnrolled: false }"))).browserFlow;
    expect(block(tree, "high-tier-1")).toBeUndefined();
    expect(block(tree, "high-tier-1-extra")).toEqual([role(false), "conditional-user-configured REQUIRED", otp("REQUIRED"), key("REQUIRED")]);
    // Nobody skips the choice then: the condition on the tier's role is gone from it.
    expect(block(tree, "high-any")).toEqual(["conditional-user-configured REQUIRED", otp("ALTERNATIVE"), key("ALTERNATIVE")]);
  });

  it("asks at level 1, on top of the password, a factor no level up to the tier's lists", () => {
    const policy = policyOf(MINIMAL.replace("level: high, require: [totp, webauthn] }", "level: low, require: [totp] }"));
    const tree = compileRealm(policy).browserFlow;
    expect(block(tree, "low")!.slice(0, 3)).toEqual(['conditional-level-of-authentication REQUIRED {"loa-condition-level":"1","loa-max-age":"3600"}', onePage(), "low-tier-1-extra (subflow) CONDITIONAL"]);
    expect(block(tree, "low-tier-1-extra")).toEqual([role(false), otp("REQUIRED")]);
    // A tier at level 1 raises no level.
    expect(flowLines(tree).some((l) => l.includes("kca-tier-level"))).toBe(false);
  });

  it("names a tier given by a realm role by that role, and raises its level", () => {
    const policy = policyOf(MINIMAL.replace("group: staff", "role: admins"));
    const desired = compileRealm(policy);
    expect(block(desired.browserFlow, "high-tier-1")![0]).toBe(role(false, "admins"));
    expect(flowLines(desired.browserFlow).map((l) => l.trim())).toContain('kca-tier-level REQUIRED {"kca.tier.level":"2","kca.tier.role":"admins"}');
    // The role is the admin's: nothing to create, no group to map it to.
    expect(desired.roles).toEqual([]);
    expect(desired.groups).toEqual([]);
  });

  it("creates a role per tier given by a group, and maps the group to it", () => {
    const desired = compileRealm(minimal());
    expect(desired.roles).toEqual([{ name: "kca-tier-1", description: "Managed by kc-assurance: tier 1 (staff)" }]);
    expect(desired.groups).toEqual([{ name: "staff", realmRoles: ["kca-tier-1"] }]);
  });

  it("asks any one of a level's factors, in a required subflow of their own, where no tier or first page changes the choice", () => {
    const choice = compileRealm(policyOf(MINIMAL.replace("factors: [password], maxAge: 1h", "factors: [password, totp], maxAge: 1h"))).browserFlow;
    expect(block(choice, "low-factors")).toEqual([
      'auth-password-form ALTERNATIVE {"default.reference.maxAge":"3600","default.reference.value":"pwd"}',
      otp("ALTERNATIVE"),
    ]);
  });

  it("keeps amr references alive as long as the longest-lived level, an hour at least", () => {
    const long = compileRealm(policyOf(MINIMAL.replace("maxAge: 1h", "maxAge: 10h"))).browserFlow;
    expect(block(long, "low")).toContain(onePage("36000"));
  });
});

describe("recovery codes a tier must hold", () => {
  const withCodes = MINIMAL
    .replace("  webauthn: {}\n", "  webauthn: {}\n  recovery-codes: {}\n")
    .replace("factors: [totp, webauthn]", "factors: [totp, webauthn, recovery-codes]")
    .replace("require: [totp, webauthn]", "require: [totp, recovery-codes]");
  const codes = (requirement: string) => `auth-recovery-authn-code-form ${requirement} {"default.reference.maxAge":"3600","default.reference.value":"rc"}`;

  it("are set up once and stand in for the tier's required factor where the level lists them", () => {
    const tree = compileRealm(policyOf(withCodes)).browserFlow;
    expect(block(tree, "high-tier-1")).toEqual([
      role(false),
      "high-tier-1-totp-setup (subflow) CONDITIONAL",
      'kca-condition-user-credential REQUIRED {"kca.credential.negate":"true","kca.credential.type":"otp"}',
      otp("REQUIRED"),
      "high-tier-1-totp (subflow) CONDITIONAL",
      'kca-condition-user-credential REQUIRED {"kca.credential.negate":"false","kca.credential.type":"otp"}',
      otp("ALTERNATIVE"),
      codes("ALTERNATIVE"),
    ]);
    expect(block(tree, "high-tier-1-recovery-codes")).toEqual([
      role(false),
      'kca-condition-user-credential REQUIRED {"kca.credential.negate":"true","kca.credential.type":"recovery-authn-codes"}',
      codes("REQUIRED"),
    ]);
  });

  it("are not set up before any token for a tier that does not block until enrolled", () => {
    const tree = compileRealm(policyOf(withCodes.replace("require: [totp, recovery-codes] }", "require: [totp, recovery-codes], blockUntilEnrolled: false }"))).browserFlow;
    expect(block(tree, "high-tier-1-recovery-codes")).toBeUndefined();
    expect(block(tree, "high-tier-1-extra")).toEqual([role(false), "conditional-user-configured REQUIRED", otp("REQUIRED")]);
  });
});
