// The HTTP answers the guard gives, exactly: status, headers (RFC 6750, RFC 9470) and JSON body.
import { badRequestPath, forbidden, invalidToken, keysUnavailable, noRuleAllows, stepUp, tokenMissing } from "../../../guard/core/answers.js";

const ladder = [
  { name: "loa1", acr: ["a1"] },
  { name: "loa2", acr: ["a2", "a2-alias"] },
  { name: "loa3", acr: ["a3"] },
];

describe("guard answers", () => {
  it("challenge a request without a token with a bare Bearer and no error code", () => {
    expect(tokenMissing()).toStrictEqual({
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": "Bearer" },
      body: { error: "unauthorized", error_description: "a bearer token is required" },
    });
  });

  it("quote an invalid token's reason in the challenge, escaping quotes and backslashes", () => {
    expect(invalidToken('bad "x" \\ y')).toStrictEqual({
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer error="invalid_token", error_description="bad \\"x\\" \\\\ y"' },
      body: { error: "invalid_token", error_description: 'bad "x" \\ y' },
    });
  });

  it("refuse a target, an unmatched request and a missing key set without a challenge", () => {
    expect(badRequestPath("has a . segment")).toStrictEqual({ status: 400, headers: { "cache-control": "no-store" }, body: { error: "invalid_request", error_description: "the request target has a . segment" } });
    expect(noRuleAllows()).toStrictEqual({ status: 403, headers: { "cache-control": "no-store" }, body: { error: "forbidden", error_description: "no route rule covers this request" } });
    expect(keysUnavailable()).toStrictEqual({
      status: 503,
      headers: { "cache-control": "no-store", "retry-after": "5" },
      body: { error: "temporarily_unavailable", error_description: "the signing keys cannot be fetched" },
    });
  });

  it("name missing roles and scopes, and put only scopes in the challenge", () => {
    expect(forbidden({ kind: "forbidden", roles: ["r1", "r2"], scopes: [] })).toStrictEqual({
      status: 403,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer error="insufficient_scope", error_description="the token lacks roles r1, r2"' },
      body: { error: "insufficient_scope", error_description: "the token lacks roles r1, r2", required: { roles: ["r1", "r2"] } },
    });
    expect(forbidden({ kind: "forbidden", roles: ["r"], scopes: ["s1", "s2"] })).toStrictEqual({
      status: 403,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer error="insufficient_scope", error_description="the token lacks roles r and scopes s1, s2", scope="s1 s2"' },
      body: { error: "insufficient_scope", error_description: "the token lacks roles r and scopes s1, s2", required: { roles: ["r"], scopes: ["s1", "s2"] } },
    });
    expect(forbidden({ kind: "forbidden", roles: [], scopes: ["s"] })).toStrictEqual({
      status: 403,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer error="insufficient_scope", error_description="the token lacks scopes s", scope="s"' },
      body: { error: "insufficient_scope", error_description: "the token lacks scopes s", required: { scopes: ["s"] } },
    });
  });

  it("ask a step-up for the level's acr values and every higher level's", () => {
    expect(stepUp({ kind: "step-up", level: ladder[1]!, amr: [], levelTooLow: true }, ladder)).toStrictEqual({
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer error="insufficient_user_authentication", error_description="this request needs level loa2", acr_values="a2 a2-alias a3"' },
      body: { error: "mfa_required", error_description: "this request needs level loa2", required: { level: "loa2", acr_values: "a2 a2-alias a3" } },
    });
  });

  it("ask a fresh authentication for missing amr values, and the route's max_age when it is too old", () => {
    expect(stepUp({ kind: "step-up", amr: ["hwk", "otp"], levelTooLow: false }, ladder)).toStrictEqual({
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer error="insufficient_user_authentication", error_description="this request needs authentication methods hwk, otp", max_age="0"' },
      body: { error: "mfa_required", error_description: "this request needs authentication methods hwk, otp", required: { max_age: 0, amr: ["hwk", "otp"] } },
    });
    const stale = stepUp({ kind: "step-up", level: ladder[0]!, maxAge: 300, amr: ["hwk"], levelTooLow: false }, ladder);
    expect(stale.body).toStrictEqual({
      error: "mfa_required",
      error_description: "this request needs an authentication within the last 300 s and authentication methods hwk",
      required: { level: "loa1", acr_values: "a1 a2 a2-alias a3", max_age: 300, amr: ["hwk"] },
    });
    // A level too low with amr missing too: the level's sign-in will ask its factors; no max_age 0.
    const both = stepUp({ kind: "step-up", level: ladder[2]!, amr: ["hwk"], levelTooLow: true }, ladder);
    expect(both.headers["www-authenticate"]).toBe('Bearer error="insufficient_user_authentication", error_description="this request needs level loa3 and authentication methods hwk", acr_values="a3"');
  });
});
