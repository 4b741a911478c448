// Telling a step-up from a fresh sign-in.
//
// Keycloak's kcContext does not say why a second-factor page is shown: on the OTP page of a fresh
// sign-in and on the OTP page of a step-up (a signed-in user's app asks for a higher acr) the
// server sends the same data, and `auth.attemptedUsername` falls back to the user's name in both.
// Two facts the browser does have tell them apart:
//
//  1. An SSO session of this realm exists: Keycloak's KEYCLOAK_SESSION cookie (path
//     /realms/<realm>/, readable by scripts because Keycloak's session iframe reads it) is set
//     only once a sign-in has completed, and cleared on logout.
//  2. This authentication did not show a first-factor page: each authentication request gets its
//     own `tab_id` (in the form action URL); our sign-in page records the tab_id it was shown in
//     (sessionStorage, so per browser tab) before the user types anything.
//
// A step-up is a page reached with (1) true and (2) true: the user is identified by their SSO
// cookie and is asked for more. A fresh sign-in after an expired session (stale cookie, but the
// password page was shown) and a first sign-in through an identity provider (no cookie yet) are not.
const FIRST_FACTOR_TABS_KEY = "kc-assurance.first-factor-tabs";
const SESSION_COOKIE = "KEYCLOAK_SESSION";

export interface BrowserState {
  readonly cookie: string;
  readonly storage: Pick<Storage, "getItem" | "setItem">;
}

const browserState = (): BrowserState => ({ cookie: document.cookie, storage: window.sessionStorage });

/** The tab_id Keycloak put in the form action, which names this authentication. */
export function authenticationTabId(loginAction: string): string | undefined {
  try {
    return new URL(loginAction, "http://x").searchParams.get("tab_id") ?? undefined;
  } catch {
    return undefined;
  }
}

function recordedTabs(storage: BrowserState["storage"]): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(FIRST_FACTOR_TABS_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Called by the first-factor (username/password) page. */
export function rememberFirstFactorShown(loginAction: string, state: BrowserState = browserState()): void {
  const tab = authenticationTabId(loginAction);
  if (!tab) return;
  // A short list: a tab sees few authentications, and older ones are over.
  const tabs = [tab, ...recordedTabs(state.storage).filter((t) => t !== tab)].slice(0, 10);
  try {
    state.storage.setItem(FIRST_FACTOR_TABS_KEY, JSON.stringify(tabs));
  } catch {
    // Storage refused (private mode quota): the page then reads as a fresh sign-in, which is safe.
  }
}

export function hasSsoSession(cookie: string): boolean {
  return cookie.split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`) && c.trim().length > SESSION_COOKIE.length + 1);
}

/** Whether this second-factor page asks an already signed-in user for a stronger sign-in. */
export function isStepUp(loginAction: string, state: BrowserState = browserState()): boolean {
  if (!hasSsoSession(state.cookie)) return false;
  const tab = authenticationTabId(loginAction);
  return tab !== undefined && !recordedTabs(state.storage).includes(tab);
}
