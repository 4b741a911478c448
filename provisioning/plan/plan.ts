// The difference between a policy's desired realm and the realm as read: a plan, as data.
import { BROKER_FLOW_PREFIX, CLAIMS_SCOPE, FLOW_PREFIX, type DesiredRealm, type Fields } from "../compile/desired.js";
import { flowHash, flowLines, type FlowTree } from "../compile/flow-tree.js";
import type { Trust } from "../policy/model.js";
import type { ActualIdentityProvider, ActualRealm, OwnedFlow } from "../keycloak/read-realm.js";

export type Action = "create" | "update" | "delete";
export type Kind = "realm" | "events" | "required-action" | "role" | "group" | "client-scope" | "client" | "flow" | "flow-binding" | "identity-provider";

export interface Change {
  readonly action: Action;
  readonly kind: Kind;
  readonly name: string;
  /** Human-readable lines: "field: old -> new", or flow lines prefixed with + / -. */
  readonly details: readonly string[];
}

/** How a sign-in through each identity provider of the realm is treated. */
export interface ProviderTreatment {
  readonly alias: string;
  readonly trust: Trust;
  /** False: the policy does not list it, so it is treated as "reject". */
  readonly listed: boolean;
}

export interface Plan {
  readonly realm: string;
  readonly changes: readonly Change[];
  readonly identityProviders: readonly ProviderTreatment[];
  /** Another apply holds the realm's lock (apply/lock.ts): who, since when, until when. */
  readonly lockedBy?: { readonly host: string; readonly pid: number; readonly since: string; readonly expires: string };
}

/** The policy names something the realm does not have; nothing can be applied until it does. */
export class PlanError extends Error {}

// Keycloak drops an attribute set to "", so unset and empty mean the same here; it also returns map
// keys (mapper config) in its own order, so objects compare by sorted keys. Arrays keep their order.
const canonical = (v: unknown): unknown =>
  v === "" || v === undefined ? null
  : Array.isArray(v) ? v.map(canonical)
  : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
  : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const show = (v: unknown) => (v === undefined ? "(unset)" : JSON.stringify(v));

/** How many list items a plan line names before it only counts the rest. */
const LIST_SHOWN = 8;

/** A list of plain values as what it gains and loses (whole lists are unreadable: a realm's event types run to thousands of characters). */
function listChange(from: readonly unknown[], to: readonly unknown[]): string {
  const key = (v: unknown) => JSON.stringify(v);
  const names = (vs: readonly unknown[]) => vs.slice(0, LIST_SHOWN).map((v) => (typeof v === "string" ? v : key(v))).join(", ") + (vs.length > LIST_SHOWN ? ` (and ${vs.length - LIST_SHOWN} more)` : "");
  const added = to.filter((v) => !from.some((f) => key(f) === key(v)));
  const removed = from.filter((v) => !to.some((t) => key(t) === key(v)));
  const parts = [...(added.length ? [`+ ${names(added)}`] : []), ...(removed.length ? [`- ${names(removed)}`] : [])];
  // Same items in another order: order matters in lists Keycloak keeps, so show both.
  return parts.length ? parts.join("; ") : `${show(from)} -> ${show(to)}`;
}

const plainList = (v: unknown): v is readonly unknown[] => Array.isArray(v) && v.every((x) => x === null || typeof x !== "object");

function fieldChanges(desired: Fields, actual: Fields): string[] {
  return Object.keys(desired).filter((k) => !same(desired[k], actual[k])).map((k) => {
    const [from, to] = [actual[k], desired[k]];
    return plainList(to) && (from === undefined || plainList(from)) ? `${k}: ${listChange(from ?? [], to)}` : `${k}: ${show(from)} -> ${show(to)}`;
  });
}

/** A flow the policy needs: the browser flow, or an identity provider's post-login flow. */
export interface NeededFlow {
  readonly prefix: string;
  readonly tree: FlowTree;
  /** The owned flow built from this tree (alias hash) and still exactly that (no drift), if any. */
  readonly match: OwnedFlow | undefined;
}

function neededFlow(prefix: string, tree: FlowTree, actual: ActualRealm, bound: readonly string[]): NeededFlow {
  const want = flowLines(tree, true).join("\n");
  const start = `${prefix}-${flowHash(tree)}`;
  const candidates = actual.ownedFlows.filter((f) => f.alias.startsWith(start) && flowLines(f.tree, true).join("\n") === want);
  return { prefix, tree, match: candidates.find((f) => bound.includes(f.alias)) ?? candidates[0] };
}

export const flowAlias = (flow: NeededFlow) => `${flow.prefix}-${flowHash(flow.tree)}`;

/**
 * Realm attribute naming the post-login flow of providers the policy does not list: our Keycloak
 * provider (kca-idp-guard) binds a provider created later in the admin console to it at once.
 */
export const UNLISTED_FLOW_ATTRIBUTE = "kca.broker.unlistedFlow";

export interface NeededFlows {
  readonly browser: NeededFlow;
  /** The post-login flow of providers the policy does not list; always built, for providers added later. */
  readonly unlisted: NeededFlow;
  /** Distinct post-login flows (the unlisted one included). */
  readonly brokers: ReadonlyMap<string, NeededFlow>;
  readonly byProvider: ReadonlyMap<string, NeededFlow>;
}

/** Every flow the policy needs in this realm: the browser flow, then one per distinct post-login flow, with who uses it. */
export function neededFlows(desired: DesiredRealm, actual: ActualRealm): NeededFlows {
  const browser = neededFlow(FLOW_PREFIX, desired.browserFlow, actual, [actual.browserFlow]);
  // Stryker disable next-line StringLiteral: an unset attribute stands for an alias no flow has; "" and any other such text match nothing
  const bound = [...actual.identityProviders.map((i) => i.postBrokerLoginFlowAlias), actual.attributes[UNLISTED_FLOW_ATTRIBUTE] ?? ""];
  const brokers = new Map<string, NeededFlow>();
  const flowFor = (tree: FlowTree): NeededFlow => {
    // Stryker disable next-line BooleanLiteral,StringLiteral: one policy's trees carry the same amr references (masking groups them alike), and no two line lists join to the same text without "\n"
    const key = flowLines(tree, false).join("\n");
    let flow = brokers.get(key);
    if (!flow) brokers.set(key, (flow = neededFlow(BROKER_FLOW_PREFIX, tree, actual, bound)));
    return flow;
  };
  const unlisted = flowFor(desired.identityProviders.unlisted);
  const byProvider = new Map<string, NeededFlow>();
  for (const idp of actual.identityProviders) {
    byProvider.set(idp.alias, flowFor(desired.identityProviders.listed.find((l) => l.alias === idp.alias)?.flow ?? desired.identityProviders.unlisted));
  }
  return { browser, unlisted, brokers, byProvider };
}

/**
 * Keycloak forwards a client's acr_values to a provider as they are unless told otherwise: local
 * acr strings would reach it. The list keeps what the admin forwards, plus max_age (a client's
 * freshness demand), and acr_values only for a provider the policy asks something of, which then
 * gets the value our browser flow wrote for it (kca-upstream-request), never the client's.
 */
export function forwardParameters(idp: ActualIdentityProvider, asksAcr: boolean): string {
  const names = (idp.forwardParameters ?? "").split(",").map((n) => n.trim()).filter((n) => n && n !== "acr_values");
  return [...new Set([...names, "max_age", ...(asksAcr ? ["acr_values"] : [])])].join(",");
}

/** Whether the policy asks the provider for acr values. */
export const asksAcr = (desired: DesiredRealm, alias: string): boolean => desired.identityProviders.listed.some((l) => l.alias === alias && l.asksAcr);

export function computePlan(desired: DesiredRealm, actual: ActualRealm): Plan {
  const changes: Change[] = [];
  const add = (action: Action, kind: Kind, name: string, details: string[] = []) => changes.push({ action, kind, name, details });

  const realmDetails = fieldChanges(desired.realm, actual.realm);
  if (realmDetails.length) add("update", "realm", actual.name, realmDetails);
  const eventDetails = fieldChanges(desired.events, actual.events);
  if (eventDetails.length) add("update", "events", actual.name, eventDetails);

  for (const [alias, fields] of Object.entries(desired.requiredActions)) {
    const current = actual.requiredActions[alias];
    if (!current) add("create", "required-action", alias, fieldChanges(fields, {}));
    else {
      const d = fieldChanges(fields, current);
      if (d.length) add("update", "required-action", alias, d);
    }
  }
  for (const role of desired.roles) {
    const current = actual.roles[role.name];
    if (!current) add("create", "role", role.name, [`description: ${show(role.description)}`]);
    else if (!role.createOnly && current.description !== role.description) add("update", "role", role.name, [`description: ${show(current.description)} -> ${show(role.description)}`]);
  }
  for (const group of desired.groups) {
    const current = actual.groups[group.name];
    const missing = group.realmRoles.filter((r) => !current?.realmRoles.includes(r));
    if (!current) add("create", "group", group.name, [`realm roles: + ${group.realmRoles.join(", ")}`]);
    else if (missing.length) add("update", "group", group.name, [`realm roles: + ${missing.join(", ")}`]);
  }

  if (!actual.claimsScope) {
    add("create", "client-scope", CLAIMS_SCOPE, [...desired.claimsScope.mappers.map((m) => `mapper ${String(m.name)}: + ${String(m.protocolMapper)}`), "realm default scope"]);
  } else {
    const d = [
      ...mapperChanges(desired.claimsScope.mappers, actual.claimsScope.mappers),
      ...(actual.claimsScope.isDefault ? [] : ["realm default scope: false -> true"]),
    ];
    if (d.length) add("update", "client-scope", CLAIMS_SCOPE, d);
  }

  for (const scope of actual.retiredScopes) {
    add("delete", "client-scope", scope.name, [`created by an earlier kc-assurance; ${CLAIMS_SCOPE} carries its claims now`]);
  }

  for (const client of desired.clients) {
    const current = actual.clients[client.clientId];
    if (!current) {
      if (client.redirectUris) add("create", "client", client.clientId, [...fieldChanges(client.attributes, {}), `redirectUris: ${show(client.redirectUris)}`]);
      else add("update", "client", client.clientId, ["client does not exist and the policy gives no redirectUris to create it"]);
      continue;
    }
    const d = [...fieldChanges(client.attributes, current.attributes), ...(current.hasClaimsScope ? [] : [`default scope ${CLAIMS_SCOPE}: + `])];
    if (d.length) add("update", "client", client.clientId, d);
  }

  const listed = new Set(desired.identityProviders.listed.map((l) => l.alias));
  const missing = [...listed].filter((alias) => !actual.identityProviders.some((i) => i.alias === alias));
  if (missing.length) {
    const has = actual.identityProviders.map((i) => i.alias);
    throw new PlanError(`realm "${actual.name}" has no identity provider ${missing.map((m) => `"${m}"`).join(", ")} named under identityProviders (it has: ${has.join(", ") || "none"})`);
  }

  const needs = neededFlows(desired, actual);
  const boundBrowser = actual.ownedFlows.find((f) => f.alias === actual.browserFlow);
  const browser = needs.browser.match;
  if (!browser) {
    const base = boundBrowser ? flowLines(boundBrowser.tree, true) : [];
    add("create", "flow", flowAlias(needs.browser), lineDiff(base, flowLines(desired.browserFlow, true)));
  }
  if (!browser || browser.alias !== actual.browserFlow) {
    add("update", "flow-binding", "browserFlow", [`${show(actual.browserFlow)} -> ${browser ? show(browser.alias) : "the new flow"}`]);
  }
  for (const flow of needs.brokers.values()) {
    if (flow.match) continue;
    const users = [...actual.identityProviders.filter((i) => needs.byProvider.get(i.alias) === flow).map((i) => i.alias), ...(flow === needs.unlisted ? ["providers not in the policy"] : [])];
    const base = actual.ownedFlows.find((f) => f.alias === actual.identityProviders.find((i) => users.includes(i.alias))?.postBrokerLoginFlowAlias);
    add("create", "flow", flowAlias(flow), [`post-login flow of ${users.join(", ")}`, ...lineDiff(base ? flowLines(base.tree, true) : [], flowLines(flow.tree, true))]);
  }
  const unlistedNow = actual.attributes[UNLISTED_FLOW_ATTRIBUTE];
  if (!needs.unlisted.match || needs.unlisted.match.alias !== unlistedNow) {
    add("update", "flow-binding", "providers not in the policy", [`${UNLISTED_FLOW_ATTRIBUTE}: ${show(unlistedNow)} -> ${needs.unlisted.match ? show(needs.unlisted.match.alias) : "the new flow"}`]);
  }
  for (const idp of actual.identityProviders) {
    const flow = needs.byProvider.get(idp.alias)!;
    const d: string[] = [];
    if (flow.match?.alias !== idp.postBrokerLoginFlowAlias) d.push(`postBrokerLoginFlowAlias: ${show(idp.postBrokerLoginFlowAlias)} -> ${flow.match ? show(flow.match.alias) : "the new flow"}`);
    const forward = forwardParameters(idp, asksAcr(desired, idp.alias));
    if (forward !== idp.forwardParameters) d.push(`forwardParameters: ${show(idp.forwardParameters)} -> ${show(forward)}`);
    if (d.length) add("update", "identity-provider", idp.alias, d);
  }
  const kept = new Set([browser, ...[...needs.brokers.values()].map((f) => f.match)]);
  for (const f of actual.ownedFlows) {
    if (kept.has(f)) continue;
    const bound = f === boundBrowser || actual.identityProviders.some((i) => i.postBrokerLoginFlowAlias === f.alias);
    add("delete", "flow", f.alias, bound ? ["replaced by the new flow once it is bound"] : ["no longer bound"]);
  }
  const identityProviders = actual.identityProviders.map((i) => {
    const rule = desired.identityProviders.listed.find((l) => l.alias === i.alias);
    return { alias: i.alias, trust: rule?.trust ?? "reject", listed: rule !== undefined };
  });
  return { realm: actual.name, changes, identityProviders };
}

/** Mappers by name: missing ones, changed ones, and ones the policy no longer has. */
export function mapperChanges(desired: readonly Fields[], actual: readonly Fields[]): string[] {
  const out: string[] = [];
  for (const m of desired) {
    const current = actual.find((a) => a.name === m.name);
    if (!current) out.push(`mapper ${String(m.name)}: + ${String(m.protocolMapper)}`);
    else out.push(...fieldChanges(m, current).map((l) => `mapper ${String(m.name)} ${l}`));
  }
  for (const a of actual) if (!desired.some((m) => m.name === a.name)) out.push(`mapper ${String(a.name)}: - ${String(a.protocolMapper)}`);
  return out;
}

/** Line diff in order: what a reader needs to see drift, including order drift. */
export function lineDiff(from: readonly string[], to: readonly string[]): string[] {
  // Longest common subsequence; flows are small (tens of lines).
  const n = from.length, m = to.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = from[i] === to[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    // Past either end the side reads undefined, which equals no line.
    if (from[i] === to[j]) { out.push(`  ${from[i]}`); i++; j++; }
    // Past the end of `to` nothing is left to add: -1 loses to any removal.
    else if (i === n || (lcs[i]![j + 1] ?? -1) >= lcs[i + 1]![j]!) out.push(`+ ${to[j++]}`);
    else out.push(`- ${from[i++]}`);
  }
  return out;
}
