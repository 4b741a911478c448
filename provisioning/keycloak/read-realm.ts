// Reads, through the admin API, the parts of a realm a policy manages, in the shape of DesiredRealm.
import type { AdminClient } from "../admin/connect.js";
import { BROKER_FLOW_PREFIX, CLAIMS_SCOPE, FLOW_PREFIX, REQUIRED_ACTION_CONFIG, RETIRED_SCOPES, type DesiredRealm, type Fields } from "../compile/desired.js";
import { FLOW_ALIAS_PLACEHOLDER, type FlowNode, type FlowTree, type Requirement } from "../compile/flow-tree.js";

export interface OwnedFlow {
  readonly id: string;
  readonly alias: string;
  readonly tree: FlowTree;
}

export interface ActualIdentityProvider {
  readonly alias: string;
  readonly postBrokerLoginFlowAlias: string;
  /** The provider's "Forwarded query parameters"; undefined means Keycloak's default, acr_values. */
  readonly forwardParameters: string | undefined;
  /** The whole representation, which an update must send back. */
  readonly representation: Readonly<Record<string, unknown>>;
}

export interface ActualRealm {
  readonly name: string;
  readonly realm: Fields;
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * Both WebAuthn policies' fields as the server holds them. A realm update that names a policy's
   * relying party resets every field of that policy it leaves out, so apply sends them all back.
   */
  readonly webauthnPolicies: Fields;
  readonly browserFlow: string;
  readonly events: Fields;
  readonly requiredActions: Readonly<Record<string, Fields | undefined>>;
  readonly roles: Readonly<Record<string, { readonly description: string } | undefined>>;
  readonly groups: Readonly<Record<string, { readonly id: string; readonly realmRoles: readonly string[] } | undefined>>;
  readonly claimsScope?: { readonly id: string; readonly mappers: readonly (Fields & { readonly id?: string })[]; readonly isDefault: boolean };
  /** Client scopes an earlier version of us created and this one removes. */
  readonly retiredScopes: readonly { readonly id: string; readonly name: string; readonly isDefault: boolean }[];
  readonly clients: Readonly<Record<string, { readonly id: string; readonly attributes: Readonly<Record<string, string>>; readonly hasClaimsScope: boolean } | undefined>>;
  /** Flows of ours: browser flows and identity providers' post-login flows. */
  readonly ownedFlows: readonly OwnedFlow[];
  readonly identityProviders: readonly ActualIdentityProvider[];
}

export class RealmNotFoundError extends Error {}

/** Fields the realm representation leaves out until they are first set, with the value that means. */
const UNSET: Fields = { webAuthnPolicyPasswordlessPasskeysEnabled: false };
/** Fields Keycloak keeps as sets and returns in no fixed order; the desired side lists them sorted. */
const SETS: ReadonlySet<string> = new Set(["supportedLocales"]);

export async function readRealm(admin: AdminClient, realm: string, desired: DesiredRealm): Promise<ActualRealm> {
  const rep = (await admin.realms.findOne({ realm })) as (Record<string, unknown> & { attributes?: Record<string, string> }) | null;
  if (!rep) throw new RealmNotFoundError(`realm "${realm}" does not exist on the server`);
  const attributes = rep.attributes ?? {};
  const realmFields = Object.fromEntries(
    Object.keys(desired.realm).map((k) => [k, k.startsWith("attributes.") ? attributes[k.slice("attributes.".length)] : SETS.has(k) && Array.isArray(rep[k]) ? [...(rep[k] as string[])].sort() : (rep[k] ?? UNSET[k])]),
  );
  const webauthnPolicies = Object.fromEntries(Object.entries(rep).filter(([k]) => k.startsWith("webAuthnPolicy")));

  const [events, actions, flows, scopes, defaultScopes, idps] = await Promise.all([
    admin.realms.getConfigEvents({ realm }) as Promise<Record<string, unknown>>,
    admin.authenticationManagement.getRequiredActions({ realm } as never) as Promise<{ alias?: string; enabled?: boolean }[]>,
    admin.authenticationManagement.getFlows({ realm } as never) as Promise<{ id?: string; alias?: string; topLevel?: boolean }[]>,
    admin.clientScopes.find({ realm }),
    admin.clientScopes.listDefaultClientScopes({ realm } as never) as Promise<{ id?: string }[]>,
    admin.identityProviders.find({ realm }),
  ]);

  const requiredActions = Object.fromEntries(
    await Promise.all(Object.entries(desired.requiredActions).map(async ([alias, fields]) => {
      const a = actions.find((x) => x.alias === alias);
      if (!a) return [alias, undefined] as const;
      // Config keys live behind their own endpoint; read only where the policy manages one.
      const configKeys = Object.keys(fields).filter((k) => k.startsWith(REQUIRED_ACTION_CONFIG));
      const config = configKeys.length ? ((await admin.authenticationManagement.getRequiredActionConfig({ realm, alias } as never)).config ?? {}) as Record<string, string> : {};
      return [alias, { enabled: a.enabled, ...Object.fromEntries(configKeys.map((k) => [k, config[k.slice(REQUIRED_ACTION_CONFIG.length)]])) }] as const;
    })),
  );

  const roles: Record<string, { description: string } | undefined> = {};
  const groups: Record<string, { id: string; realmRoles: string[] } | undefined> = {};
  const clients: Record<string, { id: string; attributes: Record<string, string>; hasClaimsScope: boolean } | undefined> = {};
  const claims = scopes.find((s) => s.name === CLAIMS_SCOPE);

  await Promise.all([
    ...desired.roles.map(async (r) => {
      const found = await admin.roles.findOneByName({ realm, name: r.name });
      roles[r.name] = found ? { description: found.description ?? "" } : undefined;
    }),
    ...desired.groups.map(async (g) => {
      const found = (await admin.groups.find({ realm, search: g.name, exact: true } as never)).find((x) => x.name === g.name);
      if (!found?.id) return;
      const mapped = await admin.groups.listRealmRoleMappings({ realm, id: found.id });
      groups[g.name] = { id: found.id, realmRoles: mapped.map((m) => m.name!).sort() };
    }),
    ...desired.clients.map(async (c) => {
      const found = (await admin.clients.find({ realm, clientId: c.clientId }))[0];
      if (!found?.id) return;
      const defaults = await admin.clients.listDefaultClientScopes({ realm, id: found.id });
      clients[c.clientId] = { id: found.id, attributes: (found.attributes ?? {}) as Record<string, string>, hasClaimsScope: defaults.some((s) => s.name === CLAIMS_SCOPE) };
    }),
  ]);

  let claimsScope: ActualRealm["claimsScope"];
  if (claims?.id) {
    const mappers = await admin.clientScopes.listProtocolMappers({ realm, id: claims.id });
    claimsScope = {
      id: claims.id,
      isDefault: defaultScopes.some((s) => s.id === claims.id),
      mappers: mappers.map((m) => ({ id: m.id, name: m.name, protocol: m.protocol, protocolMapper: m.protocolMapper, config: m.config })),
    };
  }

  const owned = flows.filter((f) => f.topLevel && (f.alias?.startsWith(`${FLOW_PREFIX}-`) || f.alias?.startsWith(`${BROKER_FLOW_PREFIX}-`)));
  const ownedFlows = await Promise.all(owned.map(async (f) => ({ id: f.id!, alias: f.alias!, tree: await readFlowTree(admin, realm, f.alias!) })));

  return {
    name: realm,
    realm: realmFields,
    attributes,
    webauthnPolicies,
    browserFlow: String(rep.browserFlow ?? ""),
    events: Object.fromEntries(Object.keys(desired.events).map((k) => [k, k === "enabledEventTypes" ? [...((events[k] as string[]) ?? [])].sort() : events[k]])),
    requiredActions,
    roles,
    groups,
    ...(claimsScope ? { claimsScope } : {}),
    clients,
    ownedFlows,
    retiredScopes: scopes
      .filter((sc) => sc.id && RETIRED_SCOPES.includes(sc.name ?? ""))
      .map((sc) => ({ id: sc.id!, name: sc.name!, isDefault: defaultScopes.some((d) => d.id === sc.id) })),
    identityProviders: idps
      .map((idp) => ({
        alias: idp.alias!,
        postBrokerLoginFlowAlias: idp.postBrokerLoginFlowAlias ?? "",
        forwardParameters: idp.config?.forwardParameters as string | undefined,
        representation: idp as Record<string, unknown>,
      }))
      .sort((a, b) => a.alias.localeCompare(b.alias)),
  };
}

interface ExecutionInfo {
  id?: string;
  level?: number;
  index?: number;
  priority?: number;
  providerId?: string;
  displayName?: string;
  requirement?: string;
  authenticationFlow?: boolean;
  authenticationConfig?: string;
}

/** Rebuilds the tree from Keycloak's flattened, depth-annotated execution list. */
export async function readFlowTree(admin: AdminClient, realm: string, alias: string): Promise<FlowTree> {
  const list = (await admin.authenticationManagement.getExecutions({ realm, flow: alias } as never)) as ExecutionInfo[];
  const configs = new Map<string, Record<string, string>>();
  await Promise.all(
    list.filter((e) => e.authenticationConfig).map(async (e) => {
      const cfg = await admin.authenticationManagement.getConfig({ realm, id: e.authenticationConfig! } as never);
      const values = Object.entries((cfg.config ?? {}) as Record<string, string>).map(([k, v]) => [k, v.replaceAll(alias, FLOW_ALIAS_PLACEHOLDER)]);
      configs.set(e.authenticationConfig!, Object.fromEntries(values));
    }),
  );
  const root: { children: FlowNode[] } = { children: [] };
  const stack: { children: FlowNode[] }[] = [root];
  for (const e of list) {
    const depth = e.level ?? 0;
    stack.length = depth + 1;
    const parent = stack[depth]!;
    const requirement = (e.requirement ?? "DISABLED") as Requirement;
    if (e.authenticationFlow) {
      const node = { kind: "subflow" as const, name: subflowName(alias, e.displayName ?? ""), requirement, children: [] as FlowNode[] };
      parent.children.push(node);
      stack[depth + 1] = node;
    } else {
      const config = e.authenticationConfig ? configs.get(e.authenticationConfig) : undefined;
      parent.children.push({ kind: "execution", provider: e.providerId ?? "", requirement, ...(config ? { config } : {}) });
    }
  }
  return root;
}

export const subflowAlias = (top: string, name: string) => `${top} ${name}`;
const subflowName = (top: string, alias: string) => (alias.startsWith(`${top} `) ? alias.slice(top.length + 1) : alias);
