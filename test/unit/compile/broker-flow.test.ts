// The post-login flow of an identity provider, and what the browser flow writes for providers that
// are asked for acr values: line by line with config.
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { flowLines, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import { MINIMAL, policyOf } from "../policy/minimal.js";

const lines = (tree: FlowTree) => flowLines(tree).map((l) => l.trim());
const withProviders = (section: string) => compileRealm(policyOf(`${MINIMAL}identityProviders:\n${section}`));
const TIER_LEVEL = 'kca-tier-level REQUIRED {"kca.tier.level":"2","kca.tier.role":"kca-tier-1"}';
const HIGH = 'conditional-level-of-authentication REQUIRED {"loa-condition-level":"2","loa-max-age":"300"}';

describe("a provider's post-login flow", () => {
  it("with trust enforce refuses a level the upstream did not reach, and asks nothing of ours", () => {
    const desired = withProviders("  corp:\n    trust: enforce\n    maxAge: 8h\n    levels:\n      high: { acr: [gold], amr: [otp] }\n");
    expect(lines(desired.identityProviders.listed[0]!.flow)).toEqual([
      'kca-upstream-assurance REQUIRED {"kca.upstream.levels":"[{\\"level\\":2,\\"acr\\":[\\"gold\\"],\\"amr\\":[\\"otp\\"]}]","kca.upstream.maxAge":"28800","kca.upstream.trust":"enforce"}',
      TIER_LEVEL,
      "high (subflow) CONDITIONAL",
      HIGH,
      'deny-access-authenticator REQUIRED {"denyErrorMessage":"kcaUpstreamMfaRequired"}',
    ]);
    expect(desired.identityProviders.listed).toEqual([expect.objectContaining({ alias: "corp", trust: "enforce", asksAcr: false })]);
  });

  it("for providers not in the policy asks our own factors at every level above the first", () => {
    const flow = lines(compileRealm(policyOf(MINIMAL)).identityProviders.unlisted);
    expect(flow.slice(0, 4)).toEqual([
      'kca-upstream-assurance REQUIRED {"kca.upstream.levels":"[]","kca.upstream.maxAge":"0","kca.upstream.trust":"reject"}',
      TIER_LEVEL,
      "high (subflow) CONDITIONAL",
      HIGH,
    ]);
    expect(flow).toContain("high-tier-1 (subflow) CONDITIONAL");
    // The upstream sign-in stands for the first level: no password is asked after it.
    expect(flow.some((l) => l.startsWith("auth-password-form") || l.startsWith("low"))).toBe(false);
  });

  it("counts an upstream sign-in of the last minute for a level whose maxAge is 0", () => {
    const flow = lines(compileRealm(policyOf(MINIMAL.replace("maxAge: 5m", "maxAge: 0"))).identityProviders.unlisted);
    expect(flow).toContain('conditional-level-of-authentication REQUIRED {"loa-condition-level":"2","loa-max-age":"60"}');
  });
});

describe("providers asked for acr values", () => {
  it("are written in the browser flow first, per level rank, and each listed provider says it asks", () => {
    const desired = withProviders("  corp:\n    trust: accept\n    levels:\n      high: { amr: [otp] }\n    request:\n      high: \"gold   silver\"\n  partner:\n    trust: reject\n");
    expect(lines(desired.browserFlow)[0]).toBe('kca-upstream-request ALTERNATIVE {"kca.upstream.request":"{\\"2\\":\\"gold silver\\"}"}');
    expect(desired.identityProviders.listed.map((l) => [l.alias, l.asksAcr])).toEqual([["corp", true], ["partner", false]]);
    // A reject provider's flow is the one for providers not in the policy.
    expect(desired.identityProviders.listed[1]!.flow).toEqual(desired.identityProviders.unlisted);
  });

  it("are not written when no provider asks anything", () => {
    expect(lines(compileRealm(policyOf(MINIMAL)).browserFlow)[0]).toBe("auth-cookie ALTERNATIVE");
  });
});
