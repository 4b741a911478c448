// The head of the browser flow every policy gets: SSO, the provider redirector, then the forms
// subflow: the username first where the first page offers passkeys, else username and password on
// one page inside level 1, with the tier found after it.
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { flowLines } from "../../../provisioning/compile/flow-tree.js";
import { MINIMAL, minimal, policyOf } from "../policy/minimal.js";

/** MINIMAL with level 1 offering these factors, passkeys enabled. */
const levelOne = (factors: string) =>
  MINIMAL.replace("factors: [password], maxAge: 1h", `factors: [${factors}], maxAge: 1h`).replace("  totp: {}\n", "  totp: {}\n  passkey: {}\n");
const HEAD = ["auth-cookie ALTERNATIVE", "identity-provider-redirector ALTERNATIVE", "forms (subflow) ALTERNATIVE"];
const TIER_LEVEL = '  kca-tier-level REQUIRED {"kca.tier.level":"2","kca.tier.role":"kca-tier-1"}';

describe("the browser flow", () => {
  it("asks username and password on one page when level 1 is the password alone, then raises the tier's level", () => {
    expect(flowLines(compileRealm(minimal()).browserFlow).slice(0, 7)).toEqual([
      ...HEAD,
      "  low (subflow) CONDITIONAL",
      '    conditional-level-of-authentication REQUIRED {"loa-condition-level":"1","loa-max-age":"3600"}',
      '    auth-username-password-form REQUIRED {"default.reference.maxAge":"3600","default.reference.value":"pwd"}',
      TIER_LEVEL,
    ]);
  });

  it("asks the username first, before the tier and the levels, when the first page offers passkeys", () => {
    const passkeys = policyOf(levelOne("password, passkey"));
    expect(flowLines(compileRealm(passkeys).browserFlow).slice(0, 6)).toEqual([...HEAD, "  auth-username-form REQUIRED", TIER_LEVEL, "  low (subflow) CONDITIONAL"]);
  });

  it("keeps the username first when level 1 offers a choice besides the password", () => {
    const choice = policyOf(MINIMAL.replace("factors: [password], maxAge: 1h", "factors: [password, totp], maxAge: 1h"));
    expect(flowLines(compileRealm(choice).browserFlow)[3]).toBe("  auth-username-form REQUIRED");
  });

  it("keeps the username first when a tier may not use the password", () => {
    const noPassword = policyOf(MINIMAL.replace("require: [totp, webauthn] }", "require: [totp, webauthn], allow: [totp, webauthn] }"));
    expect(flowLines(compileRealm(noPassword).browserFlow)[3]).toBe("  auth-username-form REQUIRED");
  });
});

describe("the one-page form's place", () => {
  const lines = (text: string) => flowLines(compileRealm(policyOf(text)).browserFlow);
  const PASSWORD_FORM = /^\s+auth-username-password-form /;

  it("is level 1 only: no level above asks the password again", () => {
    const all = lines(MINIMAL);
    expect(all.filter((l) => PASSWORD_FORM.test(l))).toHaveLength(1);
    expect(all.findIndex((l) => PASSWORD_FORM.test(l))).toBeLessThan(all.indexOf("  high (subflow) CONDITIONAL"));
  });

  it("is nowhere when the username comes first", () => {
    expect(lines(levelOne("password, passkey")).filter((l) => PASSWORD_FORM.test(l))).toEqual([]);
  });

  it("needs the password itself at level 1: a level 1 of passkeys alone asks the username first", () => {
    expect(lines(levelOne("passkey"))[3]).toBe("  auth-username-form REQUIRED");
  });

  it("needs every tier to allow the password, not just one of them", () => {
    const twoTiers = MINIMAL.replace("require: [totp, webauthn] }", "require: [totp, webauthn], allow: [totp, webauthn] }").replace(
      "clients:",
      "  - { tier: 2, name: others, group: others, level: low }\nclients:",
    );
    expect(lines(twoTiers)[3]).toBe("  auth-username-form REQUIRED");
  });
});
