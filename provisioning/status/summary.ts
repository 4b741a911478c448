// What `kc-assurance status` reports, computed from the policy and the users' facts alone (read by
// read.ts from our Keycloak extension, extensions/…/status): per tier, who holds which factor, who is
// still to set one up and whether they are kept out until then; recovery codes running low; users in
// no tier. Pure, so every rule here is unit-tested without a server.
import { tierRole } from "../compile/steps.js";
import { CREDENTIAL_TYPES } from "../keycloak/providers.js";
import { FACTORS, type Factor, type Policy } from "../policy/model.js";

/** One user as the extension describes them; nothing secret. */
export interface UserFacts {
  readonly id: string;
  readonly username: string;
  readonly enabled: boolean;
  /** The tier roles the user holds (directly, through a group or a composite), of those asked for. */
  readonly roles: readonly string[];
  /** Stored credentials, counted by Keycloak's credential type. */
  readonly credentials: Readonly<Record<string, number>>;
  /** Recovery codes left in the user's set; null without a set. */
  readonly recoveryCodesLeft: number | null;
  /** Required actions pending: what Keycloak will ask at the next sign-in. */
  readonly requiredActions: readonly string[];
}

export interface PendingUser {
  readonly username: string;
  readonly enabled: boolean;
  /** Required factors the user does not hold. */
  readonly missing: readonly Factor[];
  /** The tier's blockUntilEnrolled: no token until the missing factors are set up. */
  readonly blocked: boolean;
  readonly requiredActions: readonly string[];
}

export interface TierStatus {
  readonly tier: number;
  readonly name: string;
  readonly role: string;
  readonly users: number;
  readonly disabled: number;
  readonly blockUntilEnrolled: boolean;
  /** The tier's required factors first, then the others it allows; `users`: how many hold one. */
  readonly factors: readonly { readonly factor: Factor; readonly required: boolean; readonly users: number }[];
  readonly pending: readonly PendingUser[];
}

export interface LowRecoveryCodes {
  readonly username: string;
  readonly left: number;
  /** Tier numbers the user is in; empty for users in no tier. */
  readonly tiers: readonly number[];
}

export interface StatusReport {
  readonly realm: string;
  readonly users: number;
  readonly tiers: readonly TierStatus[];
  /** The policy's recoveryCodes.warningThreshold: at or below it, a user is listed. */
  readonly warningThreshold: number;
  readonly lowRecoveryCodes: readonly LowRecoveryCodes[];
  readonly noTier: { readonly users: number; readonly usernames: readonly string[] };
  /** Tier roles the realm does not have (the policy not applied yet): nobody can be in those tiers. */
  readonly unknownRoles: readonly string[];
}

/**
 * Whether the user holds the factor. A set of recovery codes with none left counts as not held: it
 * can no longer stand in for anything, and Keycloak asks for new codes at the next sign-in.
 */
export function holds(user: UserFacts, factor: Factor): boolean {
  if ((user.credentials[CREDENTIAL_TYPES[factor]] ?? 0) < 1) return false;
  return factor !== "recovery-codes" || user.recoveryCodesLeft !== 0;
}

export function summarize(policy: Policy, realm: string, users: readonly UserFacts[], unknownRoles: readonly string[] = []): StatusReport {
  const tiers = policy.tiers.map((t): TierStatus => {
    const role = tierRole(t);
    const members = users.filter((u) => u.roles.includes(role));
    const shown = FACTORS.filter((f) => t.require.includes(f) || t.allow.includes(f)).sort((a, b) => Number(t.require.includes(b)) - Number(t.require.includes(a)));
    return {
      tier: t.tier,
      name: t.name,
      role,
      users: members.length,
      disabled: members.filter((u) => !u.enabled).length,
      blockUntilEnrolled: t.blockUntilEnrolled,
      factors: shown.map((factor) => ({ factor, required: t.require.includes(factor), users: members.filter((u) => holds(u, factor)).length })),
      pending: members.flatMap((u) => {
        const missing = shown.filter((f) => t.require.includes(f) && !holds(u, f));
        return missing.length ? [{ username: u.username, enabled: u.enabled, missing, blocked: t.blockUntilEnrolled, requiredActions: u.requiredActions }] : [];
      }),
    };
  });
  const tiersOf = (u: UserFacts) => policy.tiers.filter((t) => u.roles.includes(tierRole(t))).map((t) => t.tier);
  const threshold = policy.recoveryCodes.warningThreshold;
  const noTier = users.filter((u) => tiersOf(u).length === 0);
  return {
    realm,
    users: users.length,
    tiers,
    warningThreshold: threshold,
    lowRecoveryCodes: users
      .filter((u) => u.recoveryCodesLeft !== null && u.recoveryCodesLeft <= threshold)
      .map((u) => ({ username: u.username, left: u.recoveryCodesLeft!, tiers: tiersOf(u) }))
      .sort((a, b) => a.left - b.left || a.username.localeCompare(b.username)),
    noTier: { users: noTier.length, usernames: noTier.map((u) => u.username) },
    unknownRoles,
  };
}
