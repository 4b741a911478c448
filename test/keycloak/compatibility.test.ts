// Pins every provider ID and config key from provisioning/keycloak/providers.ts against the
// running server's own lists. A failure here after a Keycloak upgrade names what moved.
import {
  AUTHENTICATORS,
  AUTHENTICATOR_CONFIG_KEYS,
  MAPPER_CONFIG_KEYS,
  PROTOCOL_MAPPERS,
  RECOVERY_CODES_CONFIG,
  REQUIRED_ACTIONS,
} from "../../provisioning/keycloak/providers.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("compat");
const REQUIRED_ACTION_CONFIG_KEYS = { [REQUIRED_ACTIONS.recoveryCodes]: RECOVERY_CODES_CONFIG };

describe("Keycloak provider IDs and config keys the project relies on", () => {
  it.each(Object.values(AUTHENTICATORS))("authenticator %s is offered", async (id) => {
    const providers = await realm.admin.authenticationManagement.getAuthenticatorProviders();
    expect(providers.map((p) => p.id)).toContain(id);
  });

  it.each(Object.entries(AUTHENTICATOR_CONFIG_KEYS))("authenticator %s takes config keys %j", async (providerId, keys) => {
    const description = await realm.admin.authenticationManagement.getConfigDescription({ providerId });
    const names = (description.properties ?? []).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(keys)));
  });

  // Ours (kca-) are offered by our provider for apply to register; Keycloak's are there already.
  it.each(Object.values(REQUIRED_ACTIONS).filter((a) => !a.startsWith("kca-")))("required action %s is registered and enabled in a new realm", async (alias) => {
    const actions = await realm.admin.authenticationManagement.getRequiredActions();
    expect(actions.find((a) => a.alias === alias)).toMatchObject({ providerId: alias, enabled: true });
  });

  it.each(Object.values(REQUIRED_ACTIONS).filter((a) => a.startsWith("kca-")))("required action %s is offered for registration", async (alias) => {
    const offered = (await realm.admin.authenticationManagement.getUnregisteredRequiredActions()) as { providerId?: string }[];
    expect(offered.map((a) => a.providerId)).toContain(alias);
  });

  it.each(Object.entries(REQUIRED_ACTION_CONFIG_KEYS))("required action %s takes config keys %j", async (alias, keys) => {
    const description = await realm.admin.authenticationManagement.getRequiredActionConfigDescription({ alias } as never);
    expect((description.properties ?? []).map((p) => p.name)).toEqual(expect.arrayContaining(Object.values(keys)));
  });

  it.each(Object.values(PROTOCOL_MAPPERS))("OIDC protocol mapper %s exists with token-placement keys", async (id) => {
    const info = await realm.admin.serverInfo.find();
    const mapper = info.protocolMapperTypes?.["openid-connect"]?.find((m) => m.id === id);
    expect(mapper).toBeDefined();
    expect((mapper?.properties ?? []).map((p) => p.name)).toEqual(expect.arrayContaining(Object.values(MAPPER_CONFIG_KEYS)));
  });

  it("the built-in acr client scope carries the acr mapper and is a default scope of new realms", async () => {
    const scopes = await realm.admin.clientScopes.listDefaultClientScopes();
    const acrScope = scopes.find((s) => s.name === "acr");
    expect(acrScope).toBeDefined();
    const mappers = await realm.admin.clientScopes.listProtocolMappers({ id: acrScope!.id! });
    expect(mappers.map((m) => m.protocolMapper)).toContain(PROTOCOL_MAPPERS.acr);
  });
});
