// The policy after validation: names resolved, durations in seconds, defaults filled in.
import type { GuardPolicy } from "../../guard/core/policy.js";

export type Factor = "password" | "totp" | "webauthn" | "passkey" | "recovery-codes";
export const FACTORS: readonly Factor[] = ["password", "totp", "webauthn", "passkey", "recovery-codes"];

export interface Level {
  readonly name: string;
  /** 1-based rank on the ladder (Keycloak's LoA number). */
  readonly rank: number;
  readonly acr: readonly string[];
  readonly factors: readonly Factor[];
  readonly maxAge: number;
}

export interface TotpPolicy {
  readonly algorithm: "SHA1" | "SHA256" | "SHA512";
  readonly digits: 6 | 8;
  readonly period: number;
  readonly lookAhead: number;
  readonly codeReuse: boolean;
}

export interface WebauthnPolicy {
  readonly rpName: string;
  readonly rpId: string;
  readonly userVerification: "required" | "preferred" | "discouraged";
  readonly attestation: "none" | "indirect" | "direct";
  readonly residentKey: "required" | "preferred" | "discouraged";
  readonly authenticatorAttachment: "platform" | "cross-platform" | "any";
}

export interface Tier {
  readonly tier: 0 | 1 | 2 | 3;
  readonly name: string;
  readonly group?: string;
  readonly role?: string;
  readonly level: Level;
  readonly require: readonly Factor[];
  readonly allow: readonly Factor[];
  readonly blockUntilEnrolled: boolean;
}

export interface ClientRule {
  readonly clientId: string;
  readonly defaultLevel?: Level;
  readonly minimumLevel?: Level;
  readonly redirectUris?: readonly string[];
}

/** How far an identity provider's word on MFA is trusted (Entra's federatedIdpMfaBehavior). */
export type Trust = "accept" | "enforce" | "reject";

export interface UpstreamLevel {
  readonly level: Level;
  /** Upstream acr values that reach the level. */
  readonly acr: readonly string[];
  /** Upstream amr values, any one of which reaches the level. */
  readonly amr: readonly string[];
}

export interface IdentityProviderRule {
  /** The provider's alias in the realm. */
  readonly alias: string;
  readonly trust: Trust;
  /** Ascending; empty for "reject". */
  readonly levels: readonly UpstreamLevel[];
  /** Seconds; the oldest upstream authentication counted above level 1 (0: only the levels' own maxAge). */
  readonly maxAge: number;
  /** What the provider is asked for (its acr_values) when a client asks for a level; ascending. */
  readonly request: readonly { readonly level: Level; readonly acrValues: string }[];
}

export interface BruteForce {
  readonly enabled: boolean;
  readonly maxFailures: number;
  readonly waitIncrement: number;
  readonly maxWait: number;
  readonly failureReset: number;
  readonly permanentLockout: boolean;
  readonly secondFactorMaxFailures: number;
}

export interface Audit {
  readonly loginEvents: { readonly enabled: boolean; readonly expiration: number; readonly types: readonly string[] };
  readonly adminEvents: { readonly enabled: boolean; readonly includeRepresentation: boolean };
}

export interface Policy {
  readonly realm?: string;
  readonly theme?: string;
  /** Languages of the login pages, the default first; undefined leaves the realm's as they are. */
  readonly languages?: readonly string[];
  readonly levels: readonly Level[];
  readonly enabledFactors: readonly Factor[];
  readonly totp: TotpPolicy;
  readonly webauthn: WebauthnPolicy;
  readonly passkey: WebauthnPolicy;
  readonly recoveryCodes: { readonly warningThreshold: number };
  readonly tiers: readonly Tier[];
  readonly clients: readonly ClientRule[];
  /** Listed identity providers; any other provider of the realm is treated as "reject". */
  readonly identityProviders: readonly IdentityProviderRule[];
  readonly missingFactor: "enroll" | "deny";
  readonly bruteForce: BruteForce;
  readonly audit: Audit;
  /** Route rules for the API guard, in the guard's own compiled form. */
  readonly api?: GuardPolicy;
  readonly reset?: ResetPolicy;
}

/** The MFA reset workflow our Keycloak provider enforces (extensions/…/reset). */
export interface ResetPolicy {
  readonly requesters: readonly string[];
  readonly approvers: readonly string[];
  /** Approvals besides the requester, per tier number, and for users in no tier. */
  readonly approvals: { readonly tiers: Readonly<Record<number, number>>; readonly none: number };
  /** Level and freshness (seconds) an operator's sign-in must have for every call. */
  readonly level: Level;
  readonly maxAge: number;
  readonly identityProofing: boolean;
  /** Seconds a request waits for approvals. */
  readonly expiresAfter: number;
  readonly client: string;
}
