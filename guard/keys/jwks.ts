// The realm's signing keys, fetched from its JWKS endpoint and kept as ready KeyObjects. A token
// with an unknown `kid` makes the store fetch again, at most once per cooldown, so rotated-in keys
// work at once while forged kids cannot make the guard hammer Keycloak. Keys older than maxAge are
// refreshed in the background, so keys removed from the realm stop working without a restart.
import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";

export interface SigningKey {
  readonly kid: string;
  /** The JWK's own `alg`, when it names one: the key then serves that algorithm only. */
  readonly alg?: string;
  readonly key: KeyObject;
}

export interface KeyStoreOptions {
  readonly jwksUri: string;
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** Least time between two fetches caused by unknown kids. */
  readonly cooldownSeconds?: number;
  /** Age after which the keys are refreshed in the background. */
  readonly maxAgeSeconds?: number;
  readonly timeoutMs?: number;
}

export class JwksUnavailableError extends Error {
  constructor(uri: string, reason: string) {
    super(`the signing keys at ${uri} could not be fetched: ${reason}`);
    this.name = "JwksUnavailableError";
  }
}

export interface KeyStore {
  /** The key for a kid if it is already held; never waits. */
  cached(kid: string): SigningKey | undefined;
  /**
   * The key for a kid, fetching the key set first when the kid is unknown and the cooldown has
   * passed. Undefined when the kid is not in the realm's keys; JwksUnavailableError when they
   * could not be fetched.
   */
  find(kid: string): Promise<SigningKey | undefined>;
}

/** Public signing keys of a JWK Set; symmetric, encryption-only and unreadable keys are left out. */
export function importJwks(body: unknown): Map<string, SigningKey> {
  const keys = new Map<string, SigningKey>();
  const list = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return keys;
  for (const jwk of list as Record<string, unknown>[]) {
    if (typeof jwk?.kid !== "string" || jwk.kty === "oct") continue;
    if (jwk.use !== undefined && jwk.use !== "sig") continue;
    if (Array.isArray(jwk.key_ops) && !jwk.key_ops.includes("verify")) continue;
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: "jwk" });
    } catch {
      continue;
    }
    keys.set(jwk.kid, typeof jwk.alg === "string" ? { kid: jwk.kid, alg: jwk.alg, key } : { kid: jwk.kid, key });
  }
  return keys;
}

export function keyStore(options: KeyStoreOptions): KeyStore {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  // Short: a rotated-in key that arrives within it is refused until it ends; one fetch per 10 s is no load.
  const cooldownMs = (options.cooldownSeconds ?? 10) * 1000;
  const maxAgeMs = (options.maxAgeSeconds ?? 600) * 1000;
  const timeoutMs = options.timeoutMs ?? 5000;

  let keys = new Map<string, SigningKey>();
  let fetchedAt = -Infinity; // last successful fetch
  let triedAt = -Infinity; // last attempt, successful or not
  let lastFailure: JwksUnavailableError | undefined;
  let inFlight: Promise<void> | undefined;

  async function download(): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchFn(options.jwksUri, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw new JwksUnavailableError(options.jwksUri, (e as Error).message);
    }
    if (!response.ok) throw new JwksUnavailableError(options.jwksUri, `HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new JwksUnavailableError(options.jwksUri, "the answer is not JSON");
    }
  }

  async function load(): Promise<void> {
    triedAt = now();
    try {
      keys = importJwks(await download());
      fetchedAt = now();
      lastFailure = undefined;
    } catch (e) {
      lastFailure = e as JwksUnavailableError;
      throw e;
    }
  }

  // One fetch at a time: concurrent requests with the same new kid share it.
  function refresh(): Promise<void> {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    cached(kid) {
      if (now() - fetchedAt > maxAgeMs && now() - triedAt > cooldownMs && !inFlight) {
        refresh().catch(() => undefined); // the keys held stay in use until a fetch succeeds
      }
      return keys.get(kid);
    },
    async find(kid) {
      const known = this.cached(kid);
      if (known) return known;
      if (inFlight) await inFlight;
      else if (now() - triedAt >= cooldownMs) await refresh();
      const key = keys.get(kid);
      // While the last fetch failed, an unknown kid may be a new key rather than a forged one.
      if (!key && lastFailure) throw lastFailure;
      return key;
    },
  };
}
