// The head of the browser flow every policy gets: SSO, the provider redirector, then the forms
// subflow that starts with the username.
import { compileRealm } from "../../../provisioning/compile/desired.js";
import { flowLines } from "../../../provisioning/compile/flow-tree.js";
import { minimal } from "../policy/minimal.js";

describe("the browser flow", () => {
  it("tries SSO, then kc_idp_hint, then the forms, which ask the username first", () => {
    expect(flowLines(compileRealm(minimal()).browserFlow).slice(0, 5)).toEqual([
      "auth-cookie ALTERNATIVE",
      "identity-provider-redirector ALTERNATIVE",
      "forms (subflow) ALTERNATIVE",
      "  auth-username-form REQUIRED",
      '  kca-tier-level REQUIRED {"kca.tier.level":"2","kca.tier.role":"kca-tier-1"}',
    ]);
  });
});
