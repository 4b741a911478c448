// What clients and the claims scope are given: acr attributes from the policy's levels, and the
// mappers that put amr and the API audience in tokens.
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { MINIMAL, minimal, policyOf } from "../policy/minimal.js";

const AMR_MAPPER = {
  name: "amr",
  protocol: "openid-connect",
  protocolMapper: "kca-amr-mapper",
  config: { "id.token.claim": "true", "access.token.claim": "true", "introspection.token.claim": "true", "userinfo.token.claim": "true" },
};

describe("clients", () => {
  it("list the ladder from the client's default level up, and its minimum level's first acr (empty without one)", () => {
    const three = MINIMAL.replace("  - { name: high,", "  - { name: mid, acr: [urn:mid, urn:mid2], factors: [totp], maxAge: 30m }\n  - { name: high,")
      .replace("defaultLevel: high, minimumLevel: high", "defaultLevel: mid, minimumLevel: mid");
    expect(compileRealm(policyOf(three)).clients).toEqual([
      { clientId: "app", attributes: { "default.acr.values": "urn:mid##urn:high", "minimum.acr.value": "urn:mid" }, redirectUris: ["https://app.test/*"] },
      { clientId: "legacy", attributes: { "default.acr.values": "urn:low##urn:mid##urn:high", "minimum.acr.value": "" } },
    ]);
  });
});

describe("the claims scope", () => {
  it("maps amr into every token, and names no audience without an api section", () => {
    expect(compileRealm(minimal()).claimsScope).toEqual({ name: "kca-claims", mappers: [AMR_MAPPER] });
  });

  it("adds the API's audience to access tokens only", () => {
    const policy = policyOf(`${MINIMAL}api:\n  audience: orders-api\n  routes: []\n`);
    expect(compileRealm(policy).claimsScope.mappers).toEqual([
      AMR_MAPPER,
      {
        name: "api audience",
        protocol: "openid-connect",
        protocolMapper: "oidc-audience-mapper",
        config: { "included.custom.audience": "orders-api", "access.token.claim": "true", "id.token.claim": "false", "introspection.token.claim": "true", "userinfo.token.claim": "false", "lightweight.claim": "false" },
      },
    ]);
  });
});
