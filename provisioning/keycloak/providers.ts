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
} as const;

export const REQUIRED_ACTIONS = {
  configureTotp: "CONFIGURE_TOTP",
  webauthnRegister: "webauthn-register",
  passkeyRegister: "webauthn-register-passwordless",
  recoveryCodes: "CONFIGURE_RECOVERY_AUTHN_CODES",
  updatePassword: "UPDATE_PASSWORD",
} as const;

export const PROTOCOL_MAPPERS = {
  amr: "oidc-amr-mapper",
  acr: "oidc-acr-mapper",
} as const;

/** Config keys of the token mappers above that say which tokens carry the claim. */
export const MAPPER_CONFIG_KEYS = {
  idToken: "id.token.claim",
  accessToken: "access.token.claim",
} as const;
