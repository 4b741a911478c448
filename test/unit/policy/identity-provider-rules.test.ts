// An identityProviders section as the checked policy holds it: levels by rank, acr_values asked in
// one spelling, freshness in seconds, and the contradictions refused.
import { checkPolicy } from "../../../provisioning/policy/validate.js";
import { MINIMAL, policyOf } from "./minimal.js";

const THREE = MINIMAL.replace("  - { name: high,", "  - { name: mid, acr: [urn:mid], factors: [totp], maxAge: 30m }\n  - { name: high,");
const providers = (section: string) => `${THREE}identityProviders:\n${section}`;
const messages = (text: string) => {
  const r = checkPolicy("p.yaml", text);
  return r.ok ? [] : r.issues.map((i) => [i.path, i.message]);
};

describe("identity provider rules", () => {
  it("hold levels and requests by rank whatever the file's order, requests in one spelling, maxAge in seconds", () => {
    const [corp] = policyOf(providers(`  corp:
    trust: accept
    maxAge: 1h
    levels:
      high: { amr: [hwk] }
      mid: { acr: [silver], amr: [otp] }
    request:
      high: " gold  "
      mid: "silver   bronze"
`)).identityProviders;
    expect(corp).toEqual({
      alias: "corp",
      trust: "accept",
      maxAge: 3600,
      levels: [
        { level: expect.objectContaining({ name: "mid" }), acr: ["silver"], amr: ["otp"] },
        { level: expect.objectContaining({ name: "high" }), acr: [], amr: ["hwk"] },
      ],
      request: [{ level: expect.objectContaining({ name: "mid" }), acrValues: "silver bronze" }, { level: expect.objectContaining({ name: "high" }), acrValues: "gold" }],
    });
  });

  it("count nothing above the first level for reject, and only the levels' own maxAge by default", () => {
    expect(policyOf(providers("  corp: { trust: reject }\n")).identityProviders).toEqual([{ alias: "corp", trust: "reject", levels: [], maxAge: 0, request: [] }]);
  });

  it("refuse a level above maxLevel, the first level, and one upstream value for two levels", () => {
    expect(messages(providers(`  corp:
    trust: accept
    maxLevel: mid
    levels:
      low: { amr: [pwd] }
      mid: { amr: [otp] }
      high: { amr: [otp], acr: [x] }
`))).toEqual([
      ["identityProviders.corp.levels.low", '"low" is the first level, which every sign-in through the provider reaches; map higher levels only'],
      ["identityProviders.corp.levels.high", '"high" is above maxLevel "mid"'],
      ["identityProviders.corp.levels.high.amr[0]", 'upstream amr "otp" already reaches level "mid"'],
    ]);
  });

  it("let a provider map up to its maxLevel", () => {
    expect(messages(providers("  corp:\n    trust: accept\n    maxLevel: mid\n    levels:\n      mid: { amr: [otp] }\n"))).toEqual([]);
  });

  it("refuse providers that ask different acr values for one level, and accept ones that agree", () => {
    const two = (a: string, b: string) => providers(`  corp:\n    trust: accept\n    levels: { mid: { amr: [otp] } }\n    request: { mid: "${a}" }\n  other:\n    trust: accept\n    levels: { mid: { amr: [mfa] } }\n    request: { mid: "${b}" }\n`);
    expect(messages(two("x  y", "x y"))).toEqual([]);
    expect(messages(two("x", "y"))).toEqual([
      ["identityProviders.other.request.mid", 'asks "y" for "mid" where provider "corp" asks "x": Keycloak sends one acr_values per sign-in, set before the user picks a provider, so providers must agree per level'],
    ]);
  });

  it("name an undefined level in a request", () => {
    expect(messages(providers("  corp:\n    trust: accept\n    levels: { mid: { amr: [otp] } }\n    request: { gold: x }\n"))).toEqual([
      ["identityProviders.corp.request.gold", 'level "gold" is not defined under levels (defined: low, mid, high)'],
    ]);
  });
});
