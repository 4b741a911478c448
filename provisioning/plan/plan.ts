// The difference between a policy's desired realm and the realm as read: a plan, as data.
import { CLAIMS_SCOPE, FLOW_PREFIX, type DesiredRealm, type Fields } from "../compile/desired.js";
import { flowHash, flowLines } from "../compile/flow-tree.js";
import type { ActualRealm } from "../keycloak/read-realm.js";

export type Action = "create" | "update" | "delete";
export type Kind = "realm" | "events" | "required-action" | "role" | "group" | "client-scope" | "client" | "flow" | "flow-binding";

export interface Change {
  readonly action: Action;
  readonly kind: Kind;
  readonly name: string;
  /** Human-readable lines: "field: old -> new", or flow lines prefixed with + / -. */
  readonly details: readonly string[];
}

export interface Plan {
  readonly realm: string;
  readonly changes: readonly Change[];
}

// Keycloak drops an attribute set to "", so unset and empty mean the same here; it also returns map
// keys (mapper config) in its own order, so objects compare by sorted keys. Arrays keep their order.
const canonical = (v: unknown): unknown =>
  v === "" || v === undefined ? null
  : Array.isArray(v) ? v.map(canonical)
  : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
  : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const show = (v: unknown) => (v === undefined ? "(unset)" : JSON.stringify(v));

function fieldChanges(desired: Fields, actual: Fields): string[] {
  return Object.keys(desired).filter((k) => !same(desired[k], actual[k])).map((k) => `${k}: ${show(actual[k])} -> ${show(desired[k])}`);
}

/** The owned flow, if any, built from the desired tree (alias hash) and still exactly that (no drift). */
export function matchingFlow(desired: DesiredRealm, actual: ActualRealm) {
  const want = flowLines(desired.browserFlow, true).join("\n");
  const prefix = `${FLOW_PREFIX}-${flowHash(desired.browserFlow)}`;
  const candidates = actual.ownedFlows.filter((f) => f.alias.startsWith(prefix) && flowLines(f.tree, true).join("\n") === want);
  return candidates.find((f) => f.alias === actual.browserFlow) ?? candidates[0];
}

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
    else if (current.description !== role.description) add("update", "role", role.name, [`description: ${show(current.description)} -> ${show(role.description)}`]);
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

  const match = matchingFlow(desired, actual);
  const bound = actual.ownedFlows.find((f) => f.alias === actual.browserFlow);
  if (!match) {
    const base = bound ? flowLines(bound.tree, true) : [];
    add("create", "flow", `${FLOW_PREFIX}-${flowHash(desired.browserFlow)}`, lineDiff(base, flowLines(desired.browserFlow, true)));
  }
  if (!match || match.alias !== actual.browserFlow) {
    add("update", "flow-binding", "browserFlow", [`${show(actual.browserFlow)} -> ${match ? show(match.alias) : "the new flow"}`]);
  }
  for (const f of actual.ownedFlows) {
    if (f !== match) add("delete", "flow", f.alias, f === bound ? ["replaced by the new flow once it is bound"] : ["no longer bound"]);
  }
  return { realm: actual.name, changes };
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
    if (i < n && j < m && from[i] === to[j]) { out.push(`  ${from[i]}`); i++; j++; }
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${to[j++]}`);
    else out.push(`- ${from[i++]}`);
  }
  return out;
}
