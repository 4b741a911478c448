// What the pages of one authentication remember between each other, in this browser tab only
// (sessionStorage, keyed by the authentication's tab_id): who is signing in, so a page Keycloak
// sends without the name (the recovery-code set-up) can still name the account; and the set-up
// pages already completed, so a user meeting several in a row sees where they are.
import { authenticationTabId } from "./stepUp";

const KEY = "kc-assurance.tabs";
const KEEP = 10;

export type SetupKind = "totp" | "webauthn" | "recovery-codes";

interface TabRecord {
  tab: string;
  username?: string;
  setup?: SetupKind[];
}

export interface TabStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const defaultStorage = (): TabStorage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

function read(storage: TabStorage): TabRecord[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((r): r is TabRecord => typeof r === "object" && r !== null && typeof (r as TabRecord).tab === "string") : [];
  } catch {
    return [];
  }
}

function update(loginAction: string, change: (r: TabRecord) => TabRecord, storage = defaultStorage()): TabRecord | undefined {
  const tab = authenticationTabId(loginAction);
  if (!tab || !storage) return undefined;
  const records = read(storage);
  const next = change(records.find((r) => r.tab === tab) ?? { tab });
  try {
    storage.setItem(KEY, JSON.stringify([next, ...records.filter((r) => r.tab !== tab)].slice(0, KEEP)));
  } catch {
    // Storage refused: the pages then know only what Keycloak sends them.
  }
  return next;
}

function find(loginAction: string, storage = defaultStorage()): TabRecord | undefined {
  const tab = authenticationTabId(loginAction);
  return tab && storage ? read(storage).find((r) => r.tab === tab) : undefined;
}

/** Records who is signing in, as a page that knows it was shown. */
export function rememberUsername(loginAction: string, username: string | undefined, storage?: TabStorage): void {
  if (username) update(loginAction, (r) => ({ ...r, username }), storage);
}

export function rememberedUsername(loginAction: string, storage?: TabStorage): string | undefined {
  return find(loginAction, storage)?.username;
}

/**
 * Records that a set-up page of this kind is shown and returns the set-up pages of this
 * authentication in the order they came, this one last (a page shown again after a wrong code
 * keeps its place).
 */
export function recordSetupStep(loginAction: string, kind: SetupKind, storage?: TabStorage): SetupKind[] {
  const record = update(
    loginAction,
    (r) => {
      const seen = r.setup ?? [];
      return { ...r, setup: seen.includes(kind) ? seen.slice(0, seen.indexOf(kind) + 1) : [...seen, kind] };
    },
    storage,
  );
  return record?.setup ?? [kind];
}
