// The single steps flows are made of: factor forms (with the amr they add), conditions, tier
// steps, refusals. Pure node constructors; the ladder (ladder.ts) and the flows put them together.
import { AUTHENTICATORS, AUTHENTICATOR_CONFIG_KEYS, CREDENTIAL_TYPES } from "../keycloak/providers.js";
import type { Factor, Level, Policy, Tier } from "../policy/model.js";
import type { ExecutionNode, FlowNode, Requirement } from "./flow-tree.js";

export const tierRole = (tier: Tier) => tier.role ?? `kca-tier-${tier.tier}`;

/** amr value each factor adds to tokens (RFC 8176 where it has one). */
export const AMR: Record<Factor, string> = {
  password: "pwd",
  totp: "otp",
  webauthn: "hwk",
  passkey: "hwk",
  "recovery-codes": "rc",
};

const FACTOR_PROVIDER: Record<Factor, string> = {
  password: AUTHENTICATORS.password,
  totp: AUTHENTICATORS.otp,
  webauthn: AUTHENTICATORS.webauthn,
  passkey: AUTHENTICATORS.passkey,
  "recovery-codes": AUTHENTICATORS.recoveryCode,
};

const LOA = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condLevel];
const ROLE = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condUserRole];
const TIER = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.tierLevel];
const USED = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condCredentialUsed];
const HAS = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.condUserCredential];
const DENY = AUTHENTICATOR_CONFIG_KEYS[AUTHENTICATORS.deny];

export const userConfigured: ExecutionNode = { kind: "execution", provider: AUTHENTICATORS.condUserConfigured, requirement: "REQUIRED" };

/** A factor's form, carrying the amr it adds for `amrMaxAge` seconds (or another provider that adds it, such as allow-access). */
export const factorStep = (f: Factor, requirement: Requirement, amrMaxAge: string, provider = FACTOR_PROVIDER[f]): ExecutionNode => ({
  kind: "execution",
  provider,
  requirement,
  config: { "default.reference.value": AMR[f], "default.reference.maxAge": amrMaxAge },
});

/** amr stays valid as long as the longest-lived level: a token minted from SSO keeps it. */
export const amrMaxAge = (policy: Policy): string => String(Math.max(...policy.levels.map((l) => l.maxAge), 3600));

export const roleCondition = (tier: Tier, negate: boolean): ExecutionNode => ({
  kind: "execution",
  provider: AUTHENTICATORS.condUserRole,
  requirement: "REQUIRED",
  config: { [ROLE.role]: tierRole(tier), [ROLE.negate]: String(negate) },
});

export const hasCredential = (f: Factor, negate: boolean): ExecutionNode => ({
  kind: "execution",
  provider: AUTHENTICATORS.condUserCredential,
  requirement: "REQUIRED",
  config: { [HAS.type]: CREDENTIAL_TYPES[f], [HAS.negate]: String(negate) },
});

export const usedPasskey = (included: boolean): ExecutionNode => ({
  kind: "execution",
  provider: AUTHENTICATORS.condCredentialUsed,
  requirement: "REQUIRED",
  config: { [USED.credentials]: CREDENTIAL_TYPES.passkey, [USED.included]: String(included) },
});

/** Refuses the sign-in with a message key of our theme. */
export const deny = (message: string): ExecutionNode => ({ kind: "execution", provider: AUTHENTICATORS.deny, requirement: "REQUIRED", config: { [DENY.errorMessage]: message } });

/** Keycloak's LoA condition: runs the level when it is requested and not yet reached within maxAge. */
export const levelCondition = (level: Level, maxAge: number): ExecutionNode => ({
  kind: "execution",
  provider: AUTHENTICATORS.condLevel,
  requirement: "REQUIRED",
  config: { [LOA.level]: String(level.rank), [LOA.maxAge]: String(maxAge) },
});

/** One kca-tier-level step per tier above level 1: raises the level a sign-in must reach. */
export const tierLevels = (policy: Policy): FlowNode[] =>
  policy.tiers
    .filter((t) => t.level.rank > 1)
    .map((t) => ({ kind: "execution", provider: AUTHENTICATORS.tierLevel, requirement: "REQUIRED", config: { [TIER.role]: tierRole(t), [TIER.level]: String(t.level.rank) } }));
