// What the policy's `reset` section puts into a realm: the realm attribute our Keycloak provider
// enforces the workflow from (kca-mfa-reset, extensions/…/reset), the roles it names, and the public
// client `kc-assurance reset` signs operators in with.
import { REQUIRED_ACTIONS } from "../keycloak/providers.js";
import type { Factor, Policy, ResetPolicy } from "../policy/model.js";
import { tierRole } from "./steps.js";

export const RESET_POLICY_ATTRIBUTE = "kcaResetPolicy";
/** Where `kc-assurance reset` receives the sign-in's code; any port (RFC 8252 loopback, Keycloak allows it). */
export const RESET_CLIENT_REDIRECT = "http://127.0.0.1/callback";

const SETUP_ACTION: Partial<Record<Factor, string>> = {
  totp: REQUIRED_ACTIONS.configureTotp,
  webauthn: REQUIRED_ACTIONS.webauthnRegister,
  passkey: REQUIRED_ACTIONS.passkeyRegister,
  "recovery-codes": REQUIRED_ACTIONS.recoveryCodes,
};

/** Version 1, as extensions/src/main/java/org/kcassurance/reset/ResetPolicy.java reads it. */
export interface ResetFacts {
  readonly v: 1;
  readonly requesters: readonly string[];
  readonly approvers: readonly string[];
  /** Per tier role: approvals needed, and the set-up pages a reset user of the tier is sent through. */
  readonly tiers: readonly { readonly role: string; readonly approvals: number; readonly reenroll: readonly string[] }[];
  readonly none: { readonly approvals: number; readonly reenroll: readonly string[] };
  /** Rank on the ladder (the realm's acr-to-level map turns a token's acr into one), and the acr kc-assurance reset asks for. */
  readonly level: number;
  readonly acr: string;
  readonly maxAge: number;
  readonly identityProofing: boolean;
  readonly expiresAfter: number;
  readonly client: string;
}

export function resetFacts(policy: Policy, reset: ResetPolicy): ResetFacts {
  return {
    v: 1,
    requesters: reset.requesters,
    approvers: reset.approvers,
    tiers: policy.tiers.map((t) => ({
      role: tierRole(t),
      approvals: reset.approvals.tiers[t.tier] ?? reset.approvals.none,
      reenroll: t.require.flatMap((f) => SETUP_ACTION[f] ?? []),
    })),
    none: { approvals: reset.approvals.none, reenroll: [] },
    level: reset.level.rank,
    acr: reset.level.acr[0]!,
    maxAge: reset.maxAge,
    identityProofing: reset.identityProofing,
    expiresAfter: reset.expiresAfter,
    client: reset.client,
  };
}

/** Roles the workflow names, created when missing and never changed when present (they may be the realm's own). */
export function resetRoles(reset: ResetPolicy): { name: string; description: string; createOnly: true }[] {
  const uses = (role: string) => [reset.requesters.includes(role) ? "may request" : "", reset.approvers.includes(role) ? "may approve" : ""].filter(Boolean).join(", ");
  return [...new Set([...reset.requesters, ...reset.approvers])].map((name) => ({ name, description: `Created by kc-assurance: MFA resets (${uses(name)})`, createOnly: true }));
}
