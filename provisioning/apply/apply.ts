// Carries out a plan on the server. Flows are never edited in place: a new flow is built completely,
// read back and verified, then bound, and only then is the old one removed, so a sign-in always runs
// a complete flow, and an interrupted apply leaves the old flow bound and the next apply converges.
import type { AdminClient } from "../admin/connect.js";
import { CLAIMS_SCOPE, MANAGED, REQUIRED_ACTION_CONFIG, type DesiredRealm } from "../compile/desired.js";
import { FLOW_ALIAS_PLACEHOLDER, flowLines, type FlowNode, type FlowTree } from "../compile/flow-tree.js";
import { readFlowTree, subflowAlias, type ActualRealm } from "../keycloak/read-realm.js";
import { asksAcr, flowAlias, forwardParameters, lineDiff, mapperChanges, neededFlows, UNLISTED_FLOW_ATTRIBUTE, type NeededFlow, type Plan } from "../plan/plan.js";

export interface ApplyResult {
  readonly writes: number;
  readonly boundFlow: string;
}

export async function applyPlan(admin: AdminClient, desired: DesiredRealm, actual: ActualRealm, plan: Plan): Promise<ApplyResult> {
  const realm = actual.name;
  let writes = 0;
  const write = async <T>(op: () => Promise<T>): Promise<T> => {
    writes++;
    return op();
  };
  const has = (kind: string, name?: string) => plan.changes.some((c) => c.kind === kind && (name === undefined || c.name === name));

  if (has("realm")) {
    const { attributes, fields } = splitRealmFields(desired.realm);
    await write(() => admin.realms.update({ realm }, { ...actual.webauthnPolicies, ...fields, attributes: { ...actual.attributes, ...attributes } }));
  }
  if (has("events")) {
    const current = await admin.realms.getConfigEvents({ realm });
    await write(() => admin.realms.updateConfigEvents({ realm }, { ...current, ...desired.events }));
  }
  for (const [alias, fields] of Object.entries(desired.requiredActions)) {
    if (!has("required-action", alias)) continue;
    if (!actual.requiredActions[alias]) {
      await write(() => admin.authenticationManagement.registerRequiredAction({ realm, providerId: alias, name: alias } as never));
    }
    const [config, plain] = [true, false].map((isConfig) => Object.fromEntries(
      Object.entries(fields).filter(([k]) => k.startsWith(REQUIRED_ACTION_CONFIG) === isConfig).map(([k, v]) => [isConfig ? k.slice(REQUIRED_ACTION_CONFIG.length) : k, v]),
    )) as [Record<string, string>, Record<string, unknown>];
    const current = actual.requiredActions[alias];
    if (!current || Object.keys(plain).some((k) => current[k] !== plain[k])) {
      const rep = await admin.authenticationManagement.getRequiredActionForAlias({ realm, alias } as never);
      await write(() => admin.authenticationManagement.updateRequiredAction({ realm, alias } as never, { ...rep, ...plain }));
    }
    if (Object.keys(config).some((k) => current?.[`${REQUIRED_ACTION_CONFIG}${k}`] !== config[k])) {
      const kept = (await admin.authenticationManagement.getRequiredActionConfig({ realm, alias } as never)).config ?? {};
      await write(() => admin.authenticationManagement.updateRequiredActionConfig({ realm, alias } as never, { config: { ...kept, ...config } }));
    }
  }
  for (const { name, description } of desired.roles) {
    if (!has("role", name)) continue;
    if (actual.roles[name]) await write(() => admin.roles.updateByName({ realm, name }, { name, description }));
    else await write(() => admin.roles.create({ realm, name, description }));
  }
  for (const group of desired.groups) {
    if (!has("group", group.name)) continue;
    const id = actual.groups[group.name]?.id ?? (await write(() => admin.groups.create({ realm, name: group.name }))).id;
    const roles = await Promise.all(group.realmRoles.map((name) => admin.roles.findOneByName({ realm, name })));
    await write(() => admin.groups.addRealmRoleMappings({ realm, id, roles: roles.map((r) => ({ id: r!.id!, name: r!.name! })) }));
  }
  let scopeId = actual.claimsScope?.id;
  if (has("client-scope")) {
    if (!scopeId) {
      await write(() => admin.clientScopes.create({ realm, name: CLAIMS_SCOPE, description: MANAGED, protocol: "openid-connect", attributes: { "include.in.token.scope": "false" } }));
      scopeId = (await admin.clientScopes.findOneByName({ realm, name: CLAIMS_SCOPE }))!.id!;
    }
    const id = scopeId;
    const current = actual.claimsScope?.mappers ?? [];
    // A changed mapper is replaced; one the policy no longer has is removed.
    const stale = current.filter((m) => mapperChanges(desired.claimsScope.mappers.filter((d) => d.name === m.name), [m]).length);
    for (const m of stale) await write(() => admin.clientScopes.delProtocolMapper({ realm, id, mapperId: m.id! }));
    const kept = current.filter((m) => !stale.includes(m)).map((m) => m.name);
    for (const m of desired.claimsScope.mappers) if (!kept.includes(m.name)) await write(() => admin.clientScopes.addProtocolMapper({ realm, id }, m));
    if (!actual.claimsScope?.isDefault) await write(() => admin.clientScopes.addDefaultClientScope({ realm, id }));
  }
  for (const scope of actual.retiredScopes) {
    if (scope.isDefault) await write(() => admin.clientScopes.delDefaultClientScope({ realm, id: scope.id }));
    await write(() => admin.clientScopes.del({ realm, id: scope.id }));
  }
  for (const client of desired.clients) {
    const change = plan.changes.find((c) => c.kind === "client" && c.name === client.clientId);
    if (!change) continue;
    const current = actual.clients[client.clientId];
    if (!current && !client.redirectUris) throw new Error(`client "${client.clientId}" does not exist in realm "${realm}"; create it, or give redirectUris in the policy`);
    const id = current?.id ?? (await write(() => admin.clients.create({
      realm, clientId: client.clientId, publicClient: true, standardFlowEnabled: true, directAccessGrantsEnabled: false,
      redirectUris: [...client.redirectUris!], description: MANAGED, attributes: { "pkce.code.challenge.method": "S256" },
    }))).id;
    await write(() => admin.clients.update({ realm, id }, { attributes: { ...current?.attributes, ...client.attributes } }));
    if (!current?.hasClaimsScope) await write(() => admin.clients.addDefaultClientScope({ realm, id, clientScopeId: scopeId! }));
  }

  // Every flow the policy needs is built (or found) before any binding moves, and old ones go last.
  const needs = neededFlows(desired, actual);
  const taken = actual.ownedFlows.map((f) => f.alias);
  const ready = async (flow: NeededFlow): Promise<string> => {
    if (flow.match) return flow.match.alias;
    const alias = await buildFlow(admin, realm, flowAlias(flow), flow.tree, taken, () => writes++);
    taken.push(alias);
    return alias;
  };
  const bound = await ready(needs.browser);
  const brokerAliases = new Map<NeededFlow, string>();
  for (const flow of needs.brokers.values()) brokerAliases.set(flow, await ready(flow));

  if (bound !== actual.browserFlow) await write(() => admin.realms.update({ realm }, { browserFlow: bound }));
  const unlisted = brokerAliases.get(needs.unlisted)!;
  if (actual.attributes[UNLISTED_FLOW_ATTRIBUTE] !== unlisted) {
    // Read again: the realm update above may have changed other attributes.
    const { attributes } = (await admin.realms.findOne({ realm }))!;
    await write(() => admin.realms.update({ realm }, { attributes: { ...attributes, [UNLISTED_FLOW_ATTRIBUTE]: unlisted } }));
  }
  for (const idp of actual.identityProviders) {
    if (!has("identity-provider", idp.alias)) continue;
    const rep = idp.representation as { config?: Record<string, string> };
    const update = { ...rep, postBrokerLoginFlowAlias: brokerAliases.get(needs.byProvider.get(idp.alias)!)!, config: { ...rep.config, forwardParameters: forwardParameters(idp, asksAcr(desired, idp.alias)) } };
    await write(() => admin.identityProviders.update({ realm, alias: idp.alias }, update));
  }
  const used = new Set([bound, ...brokerAliases.values()]);
  for (const f of actual.ownedFlows) {
    if (!used.has(f.alias)) await write(() => admin.authenticationManagement.deleteFlow({ realm, flowId: f.id } as never));
  }
  return { writes, boundFlow: bound };
}

function splitRealmFields(desired: Readonly<Record<string, unknown>>) {
  const attributes: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(desired)) {
    if (k.startsWith("attributes.")) attributes[k.slice("attributes.".length)] = String(v);
    else fields[k] = v;
  }
  return { attributes, fields };
}

interface ExecutionInfo {
  id: string;
  requirement?: string;
  priority?: number;
}

/** Builds the flow under a fresh alias, verifies it by reading it back, and returns the alias. */
async function buildFlow(admin: AdminClient, realm: string, name: string, tree: FlowTree, taken: readonly string[], counted: () => void): Promise<string> {
  let alias = name;
  if (taken.includes(alias)) alias = `${alias}-${Date.now().toString(36)}`;
  const am = admin.authenticationManagement;
  const w = async <T>(op: () => Promise<T>) => {
    counted();
    return op();
  };

  await w(() => am.createFlow({ realm, alias, description: MANAGED, providerId: "basic-flow", topLevel: true, builtIn: false } as never));
  try {
    // Depth-first, with each step's explicit priority: its place among its siblings. (By place,
    // not by node: one node object may stand in several subflows.)
    const order: { node: FlowNode; priority: number }[] = [];
    const add = async (parent: string, nodes: readonly FlowNode[]) => {
      for (const [i, n] of nodes.entries()) {
        order.push({ node: n, priority: (i + 1) * 10 });
        if (n.kind === "subflow") {
          const sub = subflowAlias(alias, n.name);
          await w(() => am.addFlowToFlow({ realm, flow: parent, alias: sub, type: "basic-flow", provider: "registration-page-form", description: MANAGED } as never));
          await add(sub, n.children);
        } else {
          await w(() => am.addExecutionToFlow({ realm, flow: parent, provider: n.provider } as never));
        }
      }
    };
    await add(alias, tree.children);

    // Both lists are depth-first in creation order; set requirement, the explicit priority (26.x
    // resets an omitted one to 0, reordering the flow) and the configuration of each node.
    const executions = (await am.getExecutions({ realm, flow: alias } as never)) as ExecutionInfo[];
    if (executions.length !== order.length) throw new Error(`flow ${alias}: created ${order.length} steps, server lists ${executions.length}`);
    for (const [i, { node, priority }] of order.entries()) {
      const exec = executions[i]!;
      await w(() => am.updateExecution({ realm, flow: alias } as never, { ...exec, requirement: node.requirement, priority } as never));
      if (node.kind === "execution" && node.config) {
        const config = Object.fromEntries(Object.entries(node.config).map(([k, v]) => [k, v.replaceAll(FLOW_ALIAS_PLACEHOLDER, alias)]));
        await w(() => am.createConfig({ realm, id: exec.id, alias: `${alias}-${i}`, config } as never));
      }
    }

    const built = flowLines(await readFlowTree(admin, realm, alias), true);
    const want = flowLines(tree, true);
    if (built.join("\n") !== want.join("\n")) {
      throw new Error(`flow ${alias} does not read back as built:\n${lineDiff(built, want).join("\n")}`);
    }
    return alias;
  } catch (err) {
    // Never leave a half-built flow behind; it was not bound, so sign-ins never saw it.
    const flows = (await am.getFlows({ realm } as never)) as { id?: string; alias?: string }[];
    const id = flows.find((f) => f.alias === alias)?.id;
    if (id) await am.deleteFlow({ realm, flowId: id } as never).catch(() => {});
    throw err;
  }
}
