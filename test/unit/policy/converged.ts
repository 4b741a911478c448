// A realm that already matches a desired state, as readRealm would return it: the start of every
// plan test, which then changes one thing and reads the plan.
import { BROKER_FLOW_PREFIX, FLOW_PREFIX, type DesiredRealm } from "../../../provisioning/compile/desired.js";
import { flowHash, type FlowTree } from "../../../provisioning/compile/flow-tree.js";
import type { ActualIdentityProvider, ActualRealm } from "../../../provisioning/keycloak/read-realm.js";
import { asksAcr, forwardParameters, UNLISTED_FLOW_ATTRIBUTE } from "../../../provisioning/plan/plan.js";

/** Converged on `desired`, with these identity providers, each bound to its post-login flow. */
export function convergedRealm(desired: DesiredRealm, providers: readonly Partial<ActualIdentityProvider>[] = []): ActualRealm {
  const browser = `${FLOW_PREFIX}-${flowHash(desired.browserFlow)}`;
  const brokerAlias = (tree: FlowTree) => `${BROKER_FLOW_PREFIX}-${flowHash(tree)}`;
  const unlisted = brokerAlias(desired.identityProviders.unlisted);
  const trees = new Map<string, FlowTree>([[unlisted, desired.identityProviders.unlisted]]);
  const identityProviders = providers.map((p) => {
    const tree = desired.identityProviders.listed.find((l) => l.alias === p.alias)?.flow ?? desired.identityProviders.unlisted;
    trees.set(brokerAlias(tree), tree);
    const idp = { alias: p.alias!, postBrokerLoginFlowAlias: brokerAlias(tree), forwardParameters: undefined, representation: {} };
    return { ...idp, forwardParameters: forwardParameters(idp, asksAcr(desired, idp.alias)), ...p };
  });
  return {
    name: "example",
    realm: { ...desired.realm },
    attributes: { [UNLISTED_FLOW_ATTRIBUTE]: unlisted },
    webauthnPolicies: {},
    browserFlow: browser,
    events: { ...desired.events },
    requiredActions: { ...desired.requiredActions },
    roles: Object.fromEntries(desired.roles.map((x) => [x.name, { description: x.description }])),
    groups: Object.fromEntries(desired.groups.map((g) => [g.name, { id: g.name, realmRoles: [...g.realmRoles] }])),
    claimsScope: { id: "s", mappers: desired.claimsScope.mappers, isDefault: true },
    clients: Object.fromEntries(desired.clients.map((c) => [c.clientId, { id: c.clientId, attributes: { ...c.attributes }, hasClaimsScope: true }])),
    retiredScopes: [],
    ownedFlows: [{ id: "b", alias: browser, tree: desired.browserFlow }, ...[...trees].map(([alias, tree]) => ({ id: alias, alias, tree }))],
    identityProviders,
  };
}
