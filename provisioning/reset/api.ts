// The reset workflow's API on our Keycloak provider (/realms/{realm}/kca-mfa-reset), as data.
import type { SignInRules } from "./sign-in.js";

export interface Person {
  readonly id: string;
  readonly username: string;
}

export interface ResetRequest {
  readonly id: string;
  readonly user: Person;
  readonly requester: Person;
  readonly reason: string;
  readonly ticket: string;
  readonly proofing?: string | null;
  readonly factors: readonly string[];
  readonly status: "open" | "executed" | "cancelled" | "expired";
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly approvals: readonly { readonly by: Person; readonly at: string }[];
  readonly needed: number | null;
  readonly closedAt?: string;
  readonly closedBy?: Person;
  /** Present on the approval that carried the reset out. */
  readonly executed?: { readonly removed: readonly string[]; readonly sessionsEnded: number; readonly requiredActions: readonly string[]; readonly notified: string };
}

export interface NewRequest {
  readonly username: string;
  readonly reason: string;
  readonly ticket: string;
  readonly proofing?: string;
  readonly factors?: readonly string[];
}

/** The provider refused or failed: its `error` code and sentence, and the HTTP status. */
export class ResetApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export class ResetApi {
  private readonly base: string;

  constructor(private readonly url: string, private readonly realm: string, private readonly token?: string) {
    this.base = `${url}/realms/${encodeURIComponent(realm)}/kca-mfa-reset`;
  }

  withToken(token: string): ResetApi {
    return new ResetApi(this.url, this.realm, token);
  }

  signInRules(): Promise<SignInRules> {
    return this.call("GET", "sign-in");
  }

  list(): Promise<{ requests: ResetRequest[] }> {
    return this.call("GET", "requests");
  }

  get(id: string): Promise<ResetRequest> {
    return this.call("GET", `requests/${encodeURIComponent(id)}`);
  }

  request(r: NewRequest): Promise<ResetRequest> {
    return this.call("POST", "requests", r);
  }

  approve(id: string): Promise<ResetRequest> {
    return this.call("POST", `requests/${encodeURIComponent(id)}/approve`);
  }

  cancel(id: string): Promise<ResetRequest> {
    return this.call("POST", `requests/${encodeURIComponent(id)}/cancel`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/${path}`, {
      method,
      headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = (await res.json().catch(() => undefined)) as (T & { error?: string; error_description?: string }) | undefined;
    if (!res.ok) {
      // A Keycloak without our provider answers the path with its own 404 page.
      if (res.status === 404 && !data?.error) throw new ResetApiError(404, "no_provider", "this Keycloak has no kc-assurance reset provider (install the extensions jar)");
      throw new ResetApiError(res.status, data?.error ?? String(res.status), data?.error_description ?? res.statusText);
    }
    return data as T;
  }
}
