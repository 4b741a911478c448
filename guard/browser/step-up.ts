// Step-up for single-page apps: when an API call is answered with a step-up challenge, remember the
// call, send the user to Keycloak with the challenge's acr_values/max_age, and after the app has
// its new token, make the call again, once. No Node APIs; everything the browser gives (location,
// sessionStorage, fetch) can be handed in, which is how the unit tests run it.
import { stepUpChallenge, withStepUpParams, type StepUpChallenge } from "./challenge.js";

/** A call that can be replayed after a redirect: everything in it survives JSON. */
export interface ReplayableInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

interface PendingCall {
  readonly url: string;
  readonly init: ReplayableInit;
  readonly savedAt: number;
}

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface StepUpOptions {
  /** The current access token, if any. */
  accessToken(): string | undefined | Promise<string | undefined>;
  /**
   * Sends the user to sign in again with the challenge's parameters, through the app's OIDC
   * library (oidc-client-ts: `userManager.signinRedirect({ acr_values, max_age })`), or with
   * `redirectTo(...)` below when the app builds its authorization URL itself.
   */
  signIn(challenge: StepUpChallenge): void | Promise<void>;
  /** Default: sessionStorage, which survives the redirect and stays in this tab. */
  readonly storage?: StorageLike;
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** A remembered call older than this is dropped rather than replayed; default 600 s. */
  readonly pendingTtlSeconds?: number;
}

/** Thrown by a call that has sent the user to sign in again; the page is about to go away. */
export class StepUpRedirect extends Error {
  constructor(readonly challenge: StepUpChallenge) {
    super("the API asked for a stronger or fresher sign-in; the user is being sent to sign in again");
    this.name = "StepUpRedirect";
  }
}

const PENDING_KEY = "kc-assurance.step-up.pending";

// The client sets Authorization itself; a caller's own would be stale after the step-up.
const withoutAuthorization = (headers: Readonly<Record<string, string>> = {}) =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== "authorization"));

/** A signIn that navigates to the app's authorization URL with the challenge's parameters set on it. */
export function redirectTo(
  location: Pick<Location, "assign">,
  authorizationUrl: () => string | URL | Promise<string | URL>,
): (challenge: StepUpChallenge) => Promise<void> {
  return async (challenge) => location.assign(withStepUpParams(await authorizationUrl(), challenge).href);
}

export interface StepUpClient {
  /** fetch with the access token; a step-up challenge makes it remember the call, sign in again and throw StepUpRedirect. */
  fetch(url: string, init?: ReplayableInit): Promise<Response>;
  /**
   * Call once the app is back from Keycloak with its new token: replays the remembered call and
   * returns its answer, or undefined if there was none. A replay that is challenged again is
   * returned as it is, not stepped up again, so a policy Keycloak cannot satisfy cannot loop.
   */
  resume(): Promise<Response | undefined>;
}

export function stepUpClient(options: StepUpOptions): StepUpClient {
  const storage = options.storage ?? globalThis.sessionStorage;
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const ttlMs = (options.pendingTtlSeconds ?? 600) * 1000;

  async function send(url: string, init: ReplayableInit): Promise<Response> {
    const token = await options.accessToken();
    const headers = withoutAuthorization(init.headers);
    if (token) headers.authorization = `Bearer ${token}`;
    return fetchFn(url, { ...init, headers });
  }

  return {
    async fetch(url, init = {}) {
      const response = await send(url, init);
      const challenge = await stepUpChallenge(response);
      if (!challenge) return response;
      // No token is stored: the replay uses the one the new sign-in brings.
      const pending: PendingCall = { url, init: { ...init, headers: withoutAuthorization(init.headers) }, savedAt: now() };
      storage.setItem(PENDING_KEY, JSON.stringify(pending));
      await options.signIn(challenge);
      throw new StepUpRedirect(challenge);
    },
    async resume() {
      const saved = storage.getItem(PENDING_KEY);
      if (saved === null) return undefined;
      storage.removeItem(PENDING_KEY);
      let pending: PendingCall;
      try {
        pending = JSON.parse(saved) as PendingCall;
      } catch {
        return undefined;
      }
      if (!(now() - pending.savedAt <= ttlMs)) return undefined;
      return send(pending.url, pending.init);
    },
  };
}
