// What the policy and the realm's plan show before any user signs in: the configuration half of
// each check. Pure: the policy, and the plan computed against the live realm.
import { summary } from "../plan/render.js";
import type { Plan } from "../plan/plan.js";
import type { Factor, Policy, Tier } from "../policy/model.js";
import type { Finding } from "./checks.js";

const MFA: readonly Factor[] = ["totp", "webauthn", "passkey"];

const finding = (check: Finding["check"], ok: boolean, text: string): Finding => ({ check, kind: "configuration", ok, text });
const tierName = (t: Tier) => `Tier ${t.tier} (${t.name})`;

export function configurationFindings(policy: Policy, plan: Plan): Finding[] {
  const tier0 = policy.tiers.find((t) => t.tier === 0);
  const upper = policy.tiers.filter((t) => t.tier >= 1);
  const withTotp = upper.filter((t) => t.require.includes("totp"));
  const withCodes = policy.tiers.filter((t) => t.require.includes("recovery-codes"));
  const events = policy.audit.loginEvents;
  const logged = (type: string) => events.types.length === 0 || events.types.includes(type);
  const reset = policy.reset;
  return [
    finding("V0", plan.changes.length === 0, plan.changes.length === 0 ? `plan: no change; the realm matches the policy` : `plan: ${summary(plan.changes)} (${plan.changes.map((c) => `${c.kind} ${c.name}`).join(", ")}): run kc-assurance apply`),

    tier0
      ? finding("V1", tier0.blockUntilEnrolled && tier0.require.some((f) => MFA.includes(f)), `${tierName(tier0)} requires ${tier0.require.join(", ") || "nothing"}; blockUntilEnrolled: ${tier0.blockUntilEnrolled}`)
      : finding("V1", false, "the policy has no Tier 0"),

    tier0
      ? finding("V2", tier0.require.includes("webauthn") || tier0.require.includes("passkey"), `${tierName(tier0)} requires ${tier0.require.includes("webauthn") || tier0.require.includes("passkey") ? "a security key or passkey" : "no security key or passkey"}; level ${tier0.level.name} is reached with ${tier0.level.factors.join(" or ")}`)
      : finding("V2", false, "the policy has no Tier 0"),

    finding("V3", policy.enabledFactors.includes("totp") && withTotp.length > 0, `TOTP ${policy.enabledFactors.includes("totp") ? "enabled" : "not enabled"} (${policy.totp.digits} digits, ${policy.totp.period} s, code reuse ${policy.totp.codeReuse ? "allowed" : "refused"}); required by ${withTotp.map(tierName).join(", ") || "no tier above 0"}`),
    finding("V3", !policy.totp.codeReuse, `a code already used is ${policy.totp.codeReuse ? "accepted again (factors.totp.codeReuse: true)" : "refused"}`),

    finding("V4", withCodes.length > 0, `recovery codes required by ${withCodes.map(tierName).join(", ") || "no tier"}; renewal offered at ${policy.recoveryCodes.warningThreshold} codes left`),
    // No types listed: Keycloak records every type.
    finding("V4", events.enabled && logged("LOGIN") && logged("LOGIN_ERROR"), `login events ${events.enabled ? `kept ${Math.round(events.expiration / 86400)} days, ${events.types.length ? events.types.length : "all"} types` : "off"}${events.enabled && !(logged("LOGIN") && logged("LOGIN_ERROR")) ? ", but not LOGIN and LOGIN_ERROR, which record recovery-code use" : ""}`),

    reset
      ? finding("V5", true, `reset requested by ${reset.requesters.join(", ")}, approved by ${reset.approvers.join(", ")}; approvals besides the requester: ${Object.entries(reset.approvals.tiers).map(([t, n]) => `Tier ${t}: ${n}`).join(", ")}, no tier: ${reset.approvals.none}; identity proofing ${reset.identityProofing ? "required" : "optional"}`)
      : finding("V5", false, "the policy has no reset section: resets are done by hand in the admin console, with no approval"),
    finding("V5", policy.audit.adminEvents.enabled, `admin events ${policy.audit.adminEvents.enabled ? "on: each reset request, approval and cancellation is one" : "off: resets leave no record"}`),

    finding("V6", true, `admin events ${policy.audit.adminEvents.includeRepresentation ? "include" : "leave out"} representations; Keycloak never puts credential values in them or in login events (checked below on this run's events)`),
  ];
}
