// What a realm must look like under a policy: pure data, compared with what Keycloak holds.
import { PROTOCOL_MAPPERS, RECOVERY_CODES_CONFIG, REQUIRED_ACTIONS } from "../keycloak/providers.js";
import type { Policy, Trust, WebauthnPolicy } from "../policy/model.js";
import { compileBrokerFlow, UNLISTED } from "./broker-flow.js";
import { compileBrowserFlow } from "./browser-flow.js";
import type { FlowTree } from "./flow-tree.js";
import { passkeysOnFirstPage } from "./ladder.js";
import { RESET_CLIENT_REDIRECT, RESET_POLICY_ATTRIBUTE, resetFacts, resetRoles } from "./reset.js";
import { THEME_FACTS_ATTRIBUTE, themeFacts } from "./theme-facts.js";
import { tierRole } from "./steps.js";

/** Marks what kc-assurance owns, so apply leaves everything else alone. */
export const MANAGED = "Managed by kc-assurance";
export const FLOW_PREFIX = "kca-browser";
/** Post-login flows of identity providers. */
export const BROKER_FLOW_PREFIX = "kca-broker";
/** Client scope carrying the claims the policy adds to tokens: amr, and the API audience. */
export const CLAIMS_SCOPE = "kca-claims";
/** Client scopes earlier versions created and this one no longer does (kca-amr became kca-claims). */
export const RETIRED_SCOPES: readonly string[] = ["kca-amr"];

export type Fields = Readonly<Record<string, unknown>>;

/** A required action's field with this prefix is a key of its config (GET/PUT .../required-actions/{alias}/config). */
export const REQUIRED_ACTION_CONFIG = "config.";

export interface DesiredRealm {
  /** Managed fields of the realm representation. */
  readonly realm: Fields;
  /** Managed fields of the realm's event configuration. */
  readonly events: Fields;
  readonly requiredActions: Readonly<Record<string, Fields>>;
  /** `createOnly`: a role the policy names that may be the realm's own: created when missing, never changed. */
  readonly roles: readonly { readonly name: string; readonly description: string; readonly createOnly?: boolean }[];
  /** Groups that put users in a tier, with the tier role they grant. */
  readonly groups: readonly { readonly name: string; readonly realmRoles: readonly string[] }[];
  /** Protocol mappers of the claims scope, by name. */
  readonly claimsScope: { readonly name: string; readonly mappers: readonly Fields[] };
  readonly clients: readonly { readonly clientId: string; readonly attributes: Readonly<Record<string, string>>; readonly redirectUris?: readonly string[] }[];
  readonly browserFlow: FlowTree;
  /** The post-login flow of each provider the policy lists, and the one every other provider gets. */
  readonly identityProviders: {
    /** `asksAcr`: the provider has a "request", so acr_values are forwarded to it (ours, never the client's). */
    readonly listed: readonly { readonly alias: string; readonly trust: Trust; readonly asksAcr: boolean; readonly flow: FlowTree }[];
    readonly unlisted: FlowTree;
  };
}

/** Keycloak keeps supported locales as a set; both sides list them sorted (read-realm.ts sorts too). */
const languageFields = (languages: readonly string[]): Fields => ({
  internationalizationEnabled: true,
  supportedLocales: [...languages].sort(),
  defaultLocale: languages[0],
});

export function compileRealm(policy: Policy): DesiredRealm {
  const acrMap = Object.fromEntries(policy.levels.flatMap((l) => l.acr.map((acr) => [acr, l.rank])));
  const enabled = new Set(policy.enabledFactors);
  const otpAlgorithm = { SHA1: "HmacSHA1", SHA256: "HmacSHA256", SHA512: "HmacSHA512" }[policy.totp.algorithm];
  return {
    realm: {
      ...(policy.theme ? { loginTheme: policy.theme } : {}),
      ...(policy.languages ? languageFields(policy.languages) : {}),
      otpPolicyType: "totp",
      otpPolicyAlgorithm: otpAlgorithm,
      otpPolicyDigits: policy.totp.digits,
      otpPolicyPeriod: policy.totp.period,
      otpPolicyLookAheadWindow: policy.totp.lookAhead,
      otpPolicyCodeReusable: policy.totp.codeReuse,
      ...webauthnFields("webAuthnPolicy", policy.webauthn),
      ...webauthnFields("webAuthnPolicyPasswordless", policy.passkey),
      webAuthnPolicyPasswordlessPasskeysEnabled: passkeysOnFirstPage(policy),
      bruteForceProtected: policy.bruteForce.enabled,
      failureFactor: policy.bruteForce.maxFailures,
      waitIncrementSeconds: policy.bruteForce.waitIncrement,
      maxFailureWaitSeconds: policy.bruteForce.maxWait,
      maxDeltaTimeSeconds: policy.bruteForce.failureReset,
      permanentLockout: policy.bruteForce.permanentLockout,
      maxSecondaryAuthFailures: policy.bruteForce.secondFactorMaxFailures,
      "attributes.acr.loa.map": JSON.stringify(acrMap),
      [`attributes.${THEME_FACTS_ATTRIBUTE}`]: JSON.stringify(themeFacts(policy)),
      // Without a reset section the attribute is removed: the provider then refuses every reset call.
      [`attributes.${RESET_POLICY_ATTRIBUTE}`]: policy.reset ? JSON.stringify(resetFacts(policy, policy.reset)) : "",
    },
    events: {
      eventsEnabled: policy.audit.loginEvents.enabled,
      eventsExpiration: policy.audit.loginEvents.expiration,
      ...(policy.audit.loginEvents.types.length ? { enabledEventTypes: [...policy.audit.loginEvents.types].sort() } : {}),
      adminEventsEnabled: policy.audit.adminEvents.enabled,
      adminEventsDetailsEnabled: policy.audit.adminEvents.includeRepresentation,
    },
    requiredActions: {
      [REQUIRED_ACTIONS.configureTotp]: { enabled: enabled.has("totp") },
      [REQUIRED_ACTIONS.webauthnRegister]: { enabled: enabled.has("webauthn") },
      [REQUIRED_ACTIONS.passkeyRegister]: { enabled: enabled.has("passkey") },
      [REQUIRED_ACTIONS.recoveryCodes]: {
        enabled: enabled.has("recovery-codes"),
        // The account console warns a user with fewer codes left than this.
        ...(enabled.has("recovery-codes") ? { [`${REQUIRED_ACTION_CONFIG}${RECOVERY_CODES_CONFIG.warningThreshold}`]: String(policy.recoveryCodes.warningThreshold) } : {}),
      },
      // Ours: after a sign-in with a recovery code, sets up new codes and the factor the code stood in for.
      [REQUIRED_ACTIONS.recoveryRenewal]: { enabled: enabled.has("recovery-codes") },
    },
    roles: [
      ...policy.tiers.filter((t) => !t.role).map((t) => ({ name: tierRole(t), description: `${MANAGED}: tier ${t.tier} (${t.name})` })),
      ...(policy.reset ? resetRoles(policy.reset) : []),
    ],
    groups: policy.tiers.filter((t) => t.group).map((t) => ({ name: t.group!, realmRoles: [tierRole(t)] })),
    claimsScope: {
      name: CLAIMS_SCOPE,
      mappers: [
        {
          name: "amr",
          protocol: "openid-connect",
          protocolMapper: PROTOCOL_MAPPERS.upstreamAmr,
          config: { "id.token.claim": "true", "access.token.claim": "true", "introspection.token.claim": "true", "userinfo.token.claim": "true" },
        },
        // Access tokens name the guarded API as their audience, so the API guard accepts them.
        ...(policy.api
          ? [{
              name: "api audience",
              protocol: "openid-connect",
              protocolMapper: PROTOCOL_MAPPERS.audience,
              config: { "included.custom.audience": policy.api.audience, "access.token.claim": "true", "id.token.claim": "false", "introspection.token.claim": "true", "userinfo.token.claim": "false", "lightweight.claim": "false" },
            }]
          : []),
      ],
    },
    clients: [
      ...policy.clients.map((c) => ({
      clientId: c.clientId,
      attributes: {
        // Keycloak requests the lowest listed level and puts in tokens the highest listed acr the
        // sign-in reached; listing the ladder from the default up makes tokens name the level reached.
        "default.acr.values": policy.levels.filter((l) => l.rank >= (c.defaultLevel?.rank ?? 1)).map((l) => l.acr[0]).join("##"),
        "minimum.acr.value": c.minimumLevel?.acr[0] ?? "",
      },
      ...(c.redirectUris ? { redirectUris: c.redirectUris } : {}),
    })),
    ...(policy.reset ? [{ clientId: policy.reset.client, attributes: {}, redirectUris: [RESET_CLIENT_REDIRECT] }] : []),
  ],
    browserFlow: compileBrowserFlow(policy),
    identityProviders: {
      listed: policy.identityProviders.map((idp) => ({ alias: idp.alias, trust: idp.trust, asksAcr: idp.request.length > 0, flow: compileBrokerFlow(policy, idp) })),
      unlisted: compileBrokerFlow(policy, UNLISTED),
    },
  };
}

function webauthnFields(prefix: string, p: WebauthnPolicy): Fields {
  const unspecified = (v: string) => (v === "any" ? "not specified" : v);
  return {
    [`${prefix}RpEntityName`]: p.rpName,
    [`${prefix}RpId`]: p.rpId,
    [`${prefix}UserVerificationRequirement`]: p.userVerification,
    [`${prefix}AttestationConveyancePreference`]: p.attestation,
    [`${prefix}ResidentKey`]: p.residentKey,
    [`${prefix}AuthenticatorAttachment`]: unspecified(p.authenticatorAttachment),
  };
}
