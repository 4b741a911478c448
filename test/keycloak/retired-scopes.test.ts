// Objects an earlier version of kc-assurance created and this one no longer owns: the kca-amr
// client scope (now kca-claims) is found by plan and removed by apply, also while it is a realm
// default scope and a client's default scope, and the clients keep working.
import { applyPolicy, planRealm } from "../../provisioning/converge.js";
import { examplePolicy } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("retired");

describe("client scopes of earlier versions", () => {
  it("removes kca-amr from a realm that still has it, default and in use", async () => {
    await applyPolicy(realm.admin, examplePolicy(), realm.name);
    await realm.admin.clientScopes.create({ name: "kca-amr", protocol: "openid-connect" });
    const old = (await realm.admin.clientScopes.findOneByName({ name: "kca-amr" }))!;
    await realm.admin.clientScopes.addProtocolMapper({ id: old.id! }, { name: "amr", protocol: "openid-connect", protocolMapper: "oidc-amr-mapper", config: { "id.token.claim": "true" } });
    await realm.admin.clientScopes.addDefaultClientScope({ id: old.id! });
    const [portal] = await realm.admin.clients.find({ clientId: "admin-portal" });
    await realm.admin.clients.addDefaultClientScope({ id: portal!.id!, clientScopeId: old.id! });

    const plan = await planRealm(realm.admin, examplePolicy(), realm.name);
    expect(plan.changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual(["delete client-scope kca-amr"]);
    await applyPolicy(realm.admin, examplePolicy(), realm.name);

    expect(await realm.admin.clientScopes.findOneByName({ name: "kca-amr" })).toBeFalsy();
    const defaults = await realm.admin.clients.listDefaultClientScopes({ id: portal!.id! });
    expect(defaults.map((d) => d.name)).toContain("kca-claims");
    expect(defaults.map((d) => d.name)).not.toContain("kca-amr");
    expect((await planRealm(realm.admin, examplePolicy(), realm.name)).changes).toEqual([]);
  });
});
