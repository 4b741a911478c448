// Every Keycloak provider ID and config key the project relies on, in one place. The compiler
// uses these names; test/keycloak/compatibility.test.ts checks each one against the running
// server's own provider lists, which is how a Keycloak upgrade that breaks us shows up.

export const AUTHENTICATORS = {
  cookie: "auth-cookie",
  usernamePassword: "auth-username-password-form",
  username: "auth-username-form",
  password: "auth-password-form",
  otp: "auth-otp-form",
  webauthn: "webauthn-authenticator",
  passkey: "webauthn-authenticator-passwordless",
  recoveryCode: "auth-recovery-authn-code-form",
  idpRedirector: "identity-provider-redirector",
  allow: "allow-access-authenticator",
  deny: "deny-access-authenticator",
  condLevel: "conditional-level-of-authentication",
  condUserRole: "conditional-user-role",
  condUserConfigured: "conditional-user-configured",
  condUserAttribute: "conditional-user-attribute",
  condSubflowExecuted: "conditional-sub-flow-executed",
  /** The user signed in (or not) with a credential type earlier in this flow. */
  condCredentialUsed: "conditional-credential",
  /** Ours (extensions/): raises the requested level for users of a tier. */
  tierLevel: "kca-tier-level",
  /** Ours (extensions/): the user has (or lacks) a stored credential of a type. */
  condUserCredential: "kca-condition-user-credential",
  /** Ours (extensions/): first step of a provider's post-login flow, records the levels the upstream reached. */
  upstreamAssurance: "kca-upstream-assurance",
  /** Ours (extensions/): first step of the browser flow, sets the acr_values a provider is asked for. */
  upstreamRequest: "kca-upstream-request",
} as const;

/** Credential type Keycloak stores for each factor of a policy. */
export const CREDENTIAL_TYPES = {
  password: "password",
  totp: "otp",
  webauthn: "webauthn",
  passkey: "webauthn-passwordless",
  "recovery-codes": "recovery-authn-codes",
} as const;

/** Config keys per authenticator, as the server's config description names them. */
export const AUTHENTICATOR_CONFIG_KEYS = {
  [AUTHENTICATORS.condLevel]: { level: "loa-condition-level", maxAge: "loa-max-age" },
  [AUTHENTICATORS.condUserRole]: { role: "condUserRole", negate: "negate" },
  [AUTHENTICATORS.condUserAttribute]: {
    name: "attribute_name",
    expectedValue: "attribute_expected_value",
    includeGroupAttributes: "include_group_attributes",
    negate: "not",
    regex: "regex",
  },
  [AUTHENTICATORS.deny]: { errorMessage: "denyErrorMessage" },
  [AUTHENTICATORS.tierLevel]: { role: "kca.tier.role", level: "kca.tier.level" },
  [AUTHENTICATORS.condSubflowExecuted]: { flow: "flow_to_check", result: "check_result" },
  [AUTHENTICATORS.condCredentialUsed]: { credentials: "credentials", included: "included" },
  [AUTHENTICATORS.condUserCredential]: { type: "kca.credential.type", negate: "kca.credential.negate" },
  [AUTHENTICATORS.upstreamAssurance]: { trust: "kca.upstream.trust", levels: "kca.upstream.levels", maxAge: "kca.upstream.maxAge" },
  [AUTHENTICATORS.upstreamRequest]: { request: "kca.upstream.request" },
} as const;

export const REQUIRED_ACTIONS = {
  configureTotp: "CONFIGURE_TOTP",
  webauthnRegister: "webauthn-register",
  passkeyRegister: "webauthn-register-passwordless",
  recoveryCodes: "CONFIGURE_RECOVERY_AUTHN_CODES",
  updatePassword: "UPDATE_PASSWORD",
  /** Ours (extensions/): after a sign-in with a recovery code, adds new codes and the factor it stood in for. */
  recoveryRenewal: "kca-recovery-renewal",
} as const;

/** Config keys of the recovery-codes required action (its config description names them). */
export const RECOVERY_CODES_CONFIG = { warningThreshold: "warning_threshold" } as const;

export const PROTOCOL_MAPPERS = {
  /** Keycloak's amr mapper, which ours extends (pinned for upgrades; tokens get ours). */
  amr: "oidc-amr-mapper",
  /** Ours (extensions/): Keycloak's amr, plus the upstream's amr where its word counted, plus "mfa". */
  upstreamAmr: "kca-amr-mapper",
  acr: "oidc-acr-mapper",
  audience: "oidc-audience-mapper",
} as const;

/** Config keys of the token mappers above that say which tokens carry the claim. */
export const MAPPER_CONFIG_KEYS = {
  idToken: "id.token.claim",
  accessToken: "access.token.claim",
} as const;

/** Login event types a policy may ask to store; checked against the server's list. */
export const KNOWN_EVENT_TYPES: readonly string[] = [
  "LOGIN", "LOGIN_ERROR", "LOGOUT", "CODE_TO_TOKEN", "CODE_TO_TOKEN_ERROR", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR",
  "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL", "UPDATE_PASSWORD", "RESET_PASSWORD",
  "RESET_PASSWORD_ERROR", "SEND_RESET_PASSWORD", "CUSTOM_REQUIRED_ACTION", "CUSTOM_REQUIRED_ACTION_ERROR",
  "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT", "UPDATE_PROFILE", "REGISTER",
  "IDENTITY_PROVIDER_LOGIN", "IDENTITY_PROVIDER_FIRST_LOGIN", "IDENTITY_PROVIDER_POST_LOGIN", "IDENTITY_PROVIDER_POST_LOGIN_ERROR",
  "IDENTITY_PROVIDER_LINK_ACCOUNT", "CLIENT_LOGIN",
  "PERMISSION_TOKEN",
];
