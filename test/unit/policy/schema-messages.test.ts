// What validate says about a policy of the wrong shape: the field, in words, one message per place.
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { MINIMAL } from "./minimal.js";

const issues = (text: string) => {
  const r = checkPolicy("p.yaml", text);
  return r.ok ? [] : r.issues.map((i) => [i.path, i.message]);
};

describe("schema messages", () => {
  it("name the expected type in words", () => {
    expect(issues(MINIMAL.replace("version: 1", "version: 1\nrealm: [a]"))).toEqual([["realm", "expected text"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { digits: six }"))).toEqual([["factors.totp.digits", "expected one of 6, 8"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { period: 30.5 }"))).toEqual([["factors.totp.period", "expected a whole number"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { codeReuse: sometimes }"))).toEqual([["factors.totp.codeReuse", "expected true or false"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: 3"))).toEqual([["factors.totp", "expected a mapping of fields"]]);
    expect(issues(MINIMAL.replace("factors: [password]", "factors: password"))).toEqual([["levels[0].factors", "expected a list"]]);
  });

  it("name a number's bounds", () => {
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { period: 121 }"))).toEqual([["factors.totp.period", "expected 120 or less"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { period: 14 }"))).toEqual([["factors.totp.period", "expected 15 or more"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { period: 120, lookAhead: 0 }"))).toEqual([]);
  });

  it("say how many items a list needs, and which item repeats which", () => {
    expect(issues(MINIMAL.replace("acr: [urn:low]", "acr: []"))).toEqual([["levels[0].acr", "expected at least 1 item"]]);
    // The later one is the repeat, for lists of text (acr) as for lists of tags (languages).
    expect(issues(MINIMAL.replace("acr: [urn:low]", "acr: [a, b, a]"))).toEqual([["levels[0].acr[2]", "listed twice (first at [0])"]]);
    expect(issues(`${MINIMAL}languages: [en, de, en]\n`)).toEqual([["languages[2]", "listed twice (first at [0])"]]);
  });

  it("say that text or a mapping may not be empty", () => {
    expect(issues(MINIMAL.replace("version: 1", 'version: 1\nrealm: ""'))).toEqual([["realm", "expected at least 1 character"]]);
    expect(issues(MINIMAL.replace("  - { clientId: legacy }", '  - { clientId: "" }'))).toEqual([["clients[1].clientId", "expected at least 1 character"]]);
    expect(issues(`${MINIMAL}identityProviders:\n  corp: { trust: accept, levels: {} }\n`)).toEqual([["identityProviders.corp.levels", "expected at least 1 field"]]);
  });

  it("say how many items a list may hold", () => {
    const staff = "  - { tier: 1, name: staff, group: staff, level: high, require: [totp, webauthn] }\n";
    const five = [0, 1, 2, 3, 4].map((i) => `  - { tier: ${i}, name: t${i}, group: g${i}, level: low }\n`).join("");
    expect(issues(MINIMAL.replace(staff, five))).toEqual([["tiers", "expected at most 4 items"], ["tiers[4].tier", "expected one of 0, 1, 2, 3"]]);
  });

  it("name map keys as written (digits, slash, tilde) and list places past 9", () => {
    const providers = 'identityProviders:\n  corp2: { trust: maybe }\n  2nd: { trust: maybe }\n  "a/b~c": { trust: maybe }\n';
    const trust = 'expected one of "accept", "enforce", "reject"';
    expect(issues(`${MINIMAL}${providers}`)).toEqual([
      ["identityProviders.corp2.trust", trust],
      ["identityProviders.2nd.trust", trust],
      // A name the schema refuses is named itself, not its map.
      ["identityProviders.a/b~c", "expected text matching ^[A-Za-z0-9._-]{1,255}$"],
      ["identityProviders.a/b~c.trust", trust],
    ]);
    expect(issues(`${MINIMAL}languages: [en, de, fr, it, es, nl, pl, pt, sv, da, German]\n`)).toEqual([["languages[10]", "expected a language tag such as en, de or pt-BR"]]);
  });

  it("name a missing or unknown field, and a wrong constant", () => {
    expect(issues(MINIMAL.replace("version: 1\n", ""))).toEqual([["(document)", 'missing required field "version"']]);
    expect(issues(MINIMAL.replace("version: 1", "version: 2"))).toEqual([["version", "expected 1"]]);
    expect(issues(MINIMAL.replace("  totp: {}", "  totp: { digitz: 6 }"))).toEqual([["factors.totp.digitz", 'unknown field "digitz"']]);
  });

  it("put issues in the order of the file", () => {
    const text = MINIMAL.replace("version: 1", "version: 2").replace("  totp: {}", "  totp: { digitz: 6 }");
    expect(issues(text).map(([path]) => path)).toEqual(["version", "factors.totp.digitz"]);
  });

  it("put issues on one line in the order of their columns", () => {
    // Checked in the order tier, name, level; on the line the level comes first.
    const staff = "  - { tier: 1, name: staff, group: staff, level: high, require: [totp, webauthn] }\n";
    const text = MINIMAL.replace(staff, `${staff}  - { level: nope, tier: 1, name: staff, role: x }\n`);
    expect(issues(text)).toEqual([
      ["tiers[1].level", 'level "nope" is not defined under levels (defined: low, high)'],
      ["tiers[1].tier", "tier 1 is defined twice"],
      ["tiers[1].name", 'tier name "staff" is used twice'],
    ]);
  });
});
