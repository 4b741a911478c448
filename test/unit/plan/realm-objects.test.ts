// Plans of hand-made realms: each test starts from a realm that matches the minimal policy, changes
// one object the way an admin or an older apply could have left it, and reads what the plan says.
import { computePlan, PlanError } from "../../../provisioning/plan/plan.js";
import { convergedRealm } from "../policy/converged.js";
import { minimalRealm } from "../policy/minimal.js";

const desired = minimalRealm();
const converged = () => convergedRealm(desired);
const changesOf = (actual: ReturnType<typeof converged>) => computePlan(desired, actual).changes;

describe("a plan of the realm's own objects", () => {
  it("is empty for a realm that matches", () => {
    expect(changesOf(converged())).toEqual([]);
  });

  it("creates a missing required action and turns on one an admin turned off", () => {
    const base = converged();
    const { CONFIGURE_TOTP: _, ...rest } = base.requiredActions;
    expect(changesOf({ ...base, requiredActions: { ...rest, "webauthn-register": { enabled: false } } })).toEqual([
      { action: "create", kind: "required-action", name: "CONFIGURE_TOTP", details: ["enabled: (unset) -> true"] },
      { action: "update", kind: "required-action", name: "webauthn-register", details: ["enabled: false -> true"] },
    ]);
  });

  it("creates a missing tier role and restores its description", () => {
    const description = '"Managed by kc-assurance: tier 1 (staff)"';
    expect(changesOf({ ...converged(), roles: {} })).toEqual([{ action: "create", kind: "role", name: "kca-tier-1", details: [`description: ${description}`] }]);
    expect(changesOf({ ...converged(), roles: { "kca-tier-1": { description: "edited" } } })).toEqual([
      { action: "update", kind: "role", name: "kca-tier-1", details: [`description: "edited" -> ${description}`] },
    ]);
  });

  it("creates a missing tier group, gives an existing one its role back, and leaves roles of the admin's alone", () => {
    expect(changesOf({ ...converged(), groups: {} })).toEqual([{ action: "create", kind: "group", name: "staff", details: ["realm roles: + kca-tier-1"] }]);
    expect(changesOf({ ...converged(), groups: { staff: { id: "g", realmRoles: ["other"] } } })).toEqual([
      { action: "update", kind: "group", name: "staff", details: ["realm roles: + kca-tier-1"] },
    ]);
    expect(changesOf({ ...converged(), groups: { staff: { id: "g", realmRoles: ["other", "kca-tier-1"] } } })).toEqual([]);
  });

  it("creates the claims scope with its mappers as a realm default, and makes an existing one default again", () => {
    expect(changesOf({ ...converged(), claimsScope: undefined })).toEqual([
      { action: "create", kind: "client-scope", name: "kca-claims", details: ["mapper amr: + kca-amr-mapper", "realm default scope"] },
    ]);
    const base = converged();
    expect(changesOf({ ...base, claimsScope: { ...base.claimsScope!, isDefault: false } })).toEqual([
      { action: "update", kind: "client-scope", name: "kca-claims", details: ["realm default scope: false -> true"] },
    ]);
    expect(changesOf({ ...base, claimsScope: { ...base.claimsScope!, mappers: [] } })).toEqual([
      { action: "update", kind: "client-scope", name: "kca-claims", details: ["mapper amr: + kca-amr-mapper"] },
    ]);
  });

  it("creates a missing client that has redirectUris, and says so for one without", () => {
    expect(changesOf({ ...converged(), clients: {} })).toEqual([
      { action: "create", kind: "client", name: "app", details: ['default.acr.values: (unset) -> "urn:high"', 'minimum.acr.value: (unset) -> "urn:high"', 'redirectUris: ["https://app.test/*"]'] },
      { action: "update", kind: "client", name: "legacy", details: ["client does not exist and the policy gives no redirectUris to create it"] },
    ]);
  });

  it("finds drift in a client's acr settings and a missing claims scope, and takes an unset minimum for an empty one", () => {
    const base = converged();
    const clients = {
      app: { id: "a", attributes: { "default.acr.values": "urn:low##urn:high", "minimum.acr.value": "urn:low" }, hasClaimsScope: true },
      // Keycloak drops an attribute set to "": the policy's empty minimum is met by none at all.
      legacy: { id: "l", attributes: { "default.acr.values": "urn:low##urn:high" }, hasClaimsScope: false },
    };
    expect(changesOf({ ...base, clients })).toEqual([
      { action: "update", kind: "client", name: "app", details: ['default.acr.values: "urn:low##urn:high" -> "urn:high"', 'minimum.acr.value: "urn:low" -> "urn:high"'] },
      { action: "update", kind: "client", name: "legacy", details: ["default scope kca-claims: + "] },
    ]);
  });

  it("names the identity providers the policy lists and the realm lacks, and those it has", () => {
    const withProviders = minimalRealm();
    const listed = { ...withProviders, identityProviders: { ...withProviders.identityProviders, listed: [{ alias: "corp", trust: "accept" as const, asksAcr: false, flow: withProviders.identityProviders.unlisted }, { alias: "partner", trust: "reject" as const, asksAcr: false, flow: withProviders.identityProviders.unlisted }] } };
    expect(() => computePlan(listed, converged())).toThrow(new PlanError('realm "example" has no identity provider "corp", "partner" named under identityProviders (it has: none)'));
    expect(() => computePlan(listed, convergedRealm(listed, [{ alias: "partner" }, { alias: "social" }]))).toThrow(
      new PlanError('realm "example" has no identity provider "corp" named under identityProviders (it has: partner, social)'),
    );
  });
});
