// Events as Keycloak 26.7.3 and our providers wrote them on a test server (the scenario of
// test/browser/audit-command.test.ts), oldest first: avery (Tier 1) sets up an app and codes, fails an
// app code, signs in with a recovery code and sets up both again; sam (Tier 3) signs in, steps up to
// level 2 setting up an app, steps up with it at admin-portal, then is locked out by five wrong
// passwords; an admin removes avery's first app; alice requests and bob approves an MFA reset of sam.
import type { AdminEvent, LoginEvent } from "../../../provisioning/audit/lines.js";

export const USERS: Record<string, string> = {
  "20f3b9b5-5fbe-47f2-b80a-aec3e4f84b3f": "alice",
  "9526cd2a-c065-45fa-8f80-2644e1863617": "avery",
  "838e655c-dd4e-4217-aeb3-6128d76a6d3f": "bob",
  "26e11893-e0ca-462d-957b-23f8438de101": "sam"
};

export const LOGIN_EVENTS: LoginEvent[] = [
  {
    "id": "dc1b559b-b375-4ea2-9b53-8429f34c3b26",
    "time": 1796017486434,
    "type": "UPDATE_TOTP",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "OpdVcKJtevpN1i7Xs0-pn64Y",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "8be049ca-771a-48a0-bb38-25ded43f6172",
    "time": 1796017486443,
    "type": "UPDATE_CREDENTIAL",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "OpdVcKJtevpN1i7Xs0-pn64Y",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "749a3085-5b90-4d3e-9053-9132282147b7",
    "time": 1796017488417,
    "type": "UPDATE_CREDENTIAL",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "recovery-authn-codes",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_RECOVERY_AUTHN_CODES",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "OpdVcKJtevpN1i7Xs0-pn64Y",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "727a36aa-5c82-46bd-8451-78916fe9d34b",
    "time": 1796017488729,
    "type": "LOGIN",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "sessionId": "OpdVcKJtevpN1i7Xs0-pn64Y",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "recovery-authn-codes",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_RECOVERY_AUTHN_CODES",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "consent": "no_consent_required",
      "code_id": "OpdVcKJtevpN1i7Xs0-pn64Y",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "0a3ed979-7c53-4708-9d68-c07760e74be2",
    "time": 1796017497477,
    "type": "LOGIN_ERROR",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "error": "invalid_user_credentials",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "selected_credential_id": "485751f2-592d-43cf-978a-b175225fc2d8",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "code_id": "UD6rD84aK46GTJqvTRbDBrZ5"
    }
  },
  {
    "id": "7b17af49-94a1-40dc-8465-3c7c5e46064d",
    "time": 1796017501697,
    "type": "UPDATE_CREDENTIAL",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "UD6rD84aK46GTJqvTRbDBrZ5",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "323290f1-4d74-4ca6-905a-b16109675f71",
    "time": 1796017501697,
    "type": "UPDATE_TOTP",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "UD6rD84aK46GTJqvTRbDBrZ5",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "7eb00fc1-f278-4f00-ab42-202918b98612",
    "time": 1796017503094,
    "type": "UPDATE_CREDENTIAL",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "recovery-authn-codes",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_RECOVERY_AUTHN_CODES",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "UD6rD84aK46GTJqvTRbDBrZ5",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "8167ba3b-5792-4cc3-8c63-f335180117e6",
    "time": 1796017503194,
    "type": "LOGIN",
    "clientId": "self-service",
    "userId": "9526cd2a-c065-45fa-8f80-2644e1863617",
    "sessionId": "UD6rD84aK46GTJqvTRbDBrZ5",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "recovery-authn-codes",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_RECOVERY_AUTHN_CODES",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "consent": "no_consent_required",
      "code_id": "UD6rD84aK46GTJqvTRbDBrZ5",
      "response_mode": "query",
      "username": "avery"
    }
  },
  {
    "id": "3cde2bd9-d6a9-471c-aac3-145563972d48",
    "time": 1796017511147,
    "type": "LOGIN",
    "clientId": "self-service",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "sessionId": "IFzuPyWit9uI_vuiWV121UpP",
    "ipAddress": "10.88.0.1",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "consent": "no_consent_required",
      "code_id": "IFzuPyWit9uI_vuiWV121UpP",
      "username": "sam",
      "response_mode": "query"
    }
  },
  {
    "id": "a1882b92-d816-485e-9815-bc5e2ebd71bf",
    "time": 1796017514300,
    "type": "UPDATE_CREDENTIAL",
    "clientId": "self-service",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "IFzuPyWit9uI_vuiWV121UpP",
      "response_mode": "query",
      "username": "sam"
    }
  },
  {
    "id": "7b0bfdf2-e479-4e5c-ad81-6cb24122cd07",
    "time": 1796017514300,
    "type": "UPDATE_TOTP",
    "clientId": "self-service",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "code_id": "IFzuPyWit9uI_vuiWV121UpP",
      "response_mode": "query",
      "username": "sam"
    }
  },
  {
    "id": "4c579f10-4217-45cc-96a9-de46bd6c502b",
    "time": 1796017514305,
    "type": "LOGIN",
    "clientId": "self-service",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "sessionId": "IFzuPyWit9uI_vuiWV121UpP",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_TOTP",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "consent": "no_consent_required",
      "code_id": "IFzuPyWit9uI_vuiWV121UpP",
      "response_mode": "query",
      "username": "sam"
    }
  },
  {
    "id": "1bb1cd12-f3fa-4f2d-967c-38f901f874f1",
    "time": 1796017520615,
    "type": "LOGIN",
    "clientId": "self-service",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "sessionId": "RnieEiuR8kBPFH8Y5U5XHh08",
    "ipAddress": "10.88.0.1",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "consent": "no_consent_required",
      "code_id": "RnieEiuR8kBPFH8Y5U5XHh08",
      "username": "sam",
      "response_mode": "query"
    }
  },
  {
    "id": "841d63b7-89dc-4f11-b0b0-8fb3a2ab02e7",
    "time": 1796017523938,
    "type": "LOGIN",
    "clientId": "admin-portal",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "sessionId": "RnieEiuR8kBPFH8Y5U5XHh08",
    "ipAddress": "10.88.0.1",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "selected_credential_id": "4eab76f1-39ba-46ab-b0ec-6c83883b16b2",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "consent": "no_consent_required",
      "code_id": "RnieEiuR8kBPFH8Y5U5XHh08",
      "username": "sam",
      "response_mode": "query"
    }
  },
  {
    "id": "42acab77-7d9d-4c82-b849-36587f9a39c4",
    "time": 1796017534821,
    "type": "LOGIN_ERROR",
    "clientId": "account-console",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "error": "invalid_user_credentials",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "redirect_uri": "http://localhost:34093/realms/audit-326c0841/account",
      "code_id": "cnYcpXdcPVqUOsqfDyZZBrn2"
    }
  },
  {
    "id": "552558ea-fe9a-44bc-a0db-dd8b5dcc3d80",
    "time": 1796017537377,
    "type": "LOGIN_ERROR",
    "clientId": "account-console",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "error": "invalid_user_credentials",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "redirect_uri": "http://localhost:34093/realms/audit-326c0841/account",
      "code_id": "cnYcpXdcPVqUOsqfDyZZBrn2"
    }
  },
  {
    "id": "3ec9ab67-e247-4103-a84d-deca95be91be",
    "time": 1796017539990,
    "type": "LOGIN_ERROR",
    "clientId": "account-console",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "error": "invalid_user_credentials",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "redirect_uri": "http://localhost:34093/realms/audit-326c0841/account",
      "code_id": "cnYcpXdcPVqUOsqfDyZZBrn2"
    }
  },
  {
    "id": "04d758e1-d7d9-49cf-9ffc-68eda27f3cbd",
    "time": 1796017541936,
    "type": "LOGIN_ERROR",
    "clientId": "account-console",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "error": "invalid_user_credentials",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "redirect_uri": "http://localhost:34093/realms/audit-326c0841/account",
      "code_id": "cnYcpXdcPVqUOsqfDyZZBrn2"
    }
  },
  {
    "id": "04f14456-62e3-4e93-861d-1b9cf6c81026",
    "time": 1796017545546,
    "type": "LOGIN_ERROR",
    "clientId": "account-console",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "error": "invalid_user_credentials",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "redirect_uri": "http://localhost:34093/realms/audit-326c0841/account",
      "code_id": "cnYcpXdcPVqUOsqfDyZZBrn2"
    }
  },
  {
    "id": "ca960de9-e194-4107-9cfa-f9bc9c40fc08",
    "time": 1796017546034,
    "type": "USER_DISABLED_BY_TEMPORARY_LOCKOUT",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "details": {
      "reason": "brute_force_attack detected",
      "not_before": "2026-11-30T05:46:46",
      "num_failures": "5"
    }
  },
  {
    "id": "4fb2c238-db9c-4332-a6e0-2124dc670f74",
    "time": 1796017547686,
    "type": "LOGIN_ERROR",
    "clientId": "account-console",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "error": "user_temporarily_disabled",
    "details": {
      "auth_method": "openid-connect",
      "auth_type": "code",
      "redirect_uri": "http://localhost:34093/realms/audit-326c0841/account",
      "code_id": "cnYcpXdcPVqUOsqfDyZZBrn2"
    }
  },
  {
    "id": "0e6428cd-4664-4e25-be1b-27c016ee35a3",
    "time": 1796017551000,
    "type": "LOGIN",
    "clientId": "kc-assurance-cli",
    "userId": "20f3b9b5-5fbe-47f2-b80a-aec3e4f84b3f",
    "sessionId": "M5qWI_0FTgk0VvRUVO8cOUoo",
    "ipAddress": "10.88.0.1",
    "details": {
      "auth_method": "openid-connect",
      "token_id": "onrtro:9b8e594c-b210-a384-450e-a15183a38104",
      "grant_type": "password",
      "refresh_token_type": "Refresh",
      "scope": "openid profile email",
      "refresh_token_id": "31ae089a-7e85-c2fe-e56f-bb496a565f89",
      "client_auth_method": "client-secret",
      "username": "alice"
    }
  },
  {
    "id": "8546086b-57a0-4e53-9785-7dfb43105d4b",
    "time": 1796017551427,
    "type": "LOGIN",
    "clientId": "kc-assurance-cli",
    "userId": "838e655c-dd4e-4217-aeb3-6128d76a6d3f",
    "sessionId": "7ej1VogkFDM60IVE1A0JXw7M",
    "ipAddress": "10.88.0.1",
    "details": {
      "auth_method": "openid-connect",
      "token_id": "onrtro:39580024-e850-ccdc-4665-d88ad279baec",
      "grant_type": "password",
      "refresh_token_type": "Refresh",
      "scope": "openid profile email",
      "refresh_token_id": "86967391-6036-df73-884b-31980f6be993",
      "client_auth_method": "client-secret",
      "username": "bob"
    }
  },
  {
    "id": "97107ce5-700b-4ba7-b501-9b432e511ae2",
    "time": 1796017551560,
    "type": "REMOVE_CREDENTIAL",
    "userId": "26e11893-e0ca-462d-957b-23f8438de101",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "otp",
      "kca_reset_request": "d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a"
    }
  }
];

export const ADMIN_EVENTS: AdminEvent[] = [
  {
    "id": "7b3c4237-983b-494b-be13-c3df19379042",
    "time": 1796017549656,
    "authDetails": {
      "realmId": "a4ba6771-3527-4c57-afb5-6cff3693ecf6",
      "clientId": "575f916a-2307-4923-a882-78a5ff91c165",
      "userId": "0826802d-39db-4b64-aeaf-78ac3b2036b7",
      "ipAddress": "10.88.0.1"
    },
    "operationType": "ACTION",
    "resourceType": "USER",
    "resourcePath": "users/9526cd2a-c065-45fa-8f80-2644e1863617/credentials/485751f2-592d-43cf-978a-b175225fc2d8",
    "details": {
      "credential_user_label": "Phone",
      "credential_type": "otp",
      "credential_id": "485751f2-592d-43cf-978a-b175225fc2d8"
    }
  },
  {
    "id": "82a7f1a0-1e39-4fdc-be62-7f7c745c72a8",
    "time": 1796017551080,
    "authDetails": {
      "realmId": "8858f5b0-1d26-443f-9b98-52c31967219b",
      "clientId": "67adcdad-7b04-4a7b-ae9c-d390bb1af6fd",
      "userId": "20f3b9b5-5fbe-47f2-b80a-aec3e4f84b3f",
      "ipAddress": "10.88.0.1"
    },
    "operationType": "CREATE",
    "resourceType": "KCA_MFA_RESET",
    "resourcePath": "users/26e11893-e0ca-462d-957b-23f8438de101/kca-mfa-reset/d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a",
    "details": {
      "severity": "high",
      "requester": "alice",
      "reason": "lost phone",
      "ticket": "INC-1",
      "needed": "1",
      "step": "requested",
      "user": "sam",
      "proofing": "video check 7",
      "factors": "totp"
    }
  },
  {
    "id": "6ecdabe9-8c89-405a-94dd-41e27dd4a58d",
    "time": 1796017551532,
    "authDetails": {
      "realmId": "8858f5b0-1d26-443f-9b98-52c31967219b",
      "clientId": "67adcdad-7b04-4a7b-ae9c-d390bb1af6fd",
      "userId": "838e655c-dd4e-4217-aeb3-6128d76a6d3f",
      "ipAddress": "10.88.0.1"
    },
    "operationType": "UPDATE",
    "resourceType": "KCA_MFA_RESET",
    "resourcePath": "users/26e11893-e0ca-462d-957b-23f8438de101/kca-mfa-reset/d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a",
    "details": {
      "severity": "high",
      "requester": "alice",
      "approver": "bob",
      "reason": "lost phone",
      "ticket": "INC-1",
      "approvals": "1 of 1",
      "step": "approved",
      "user": "sam",
      "proofing": "video check 7",
      "factors": "totp"
    }
  },
  {
    "id": "128b6084-56d7-4ad8-a2be-7c00a50bd395",
    "time": 1796017551665,
    "authDetails": {
      "realmId": "8858f5b0-1d26-443f-9b98-52c31967219b",
      "clientId": "67adcdad-7b04-4a7b-ae9c-d390bb1af6fd",
      "userId": "838e655c-dd4e-4217-aeb3-6128d76a6d3f",
      "ipAddress": "10.88.0.1"
    },
    "operationType": "ACTION",
    "resourceType": "KCA_MFA_RESET",
    "resourcePath": "users/26e11893-e0ca-462d-957b-23f8438de101/kca-mfa-reset/d8b1d7f9-d55e-48d4-9bdc-dba0323b1c2a",
    "details": {
      "severity": "high",
      "requester": "alice",
      "reason": "lost phone",
      "ticket": "INC-1",
      "notified": "no: the realm has no SMTP settings",
      "approvers": "bob",
      "factors": "totp",
      "removed": "otp",
      "sessionsEnded": "2",
      "step": "executed",
      "user": "sam",
      "proofing": "video check 7"
    }
  }
];

/**
 * A later run, with our kca-recovery-renewal's event (added since): avery's sign-in with a recovery code,
 * the renewal's CUSTOM_REQUIRED_ACTION when the code was accepted and the LOGIN after the set-ups.
 */
export const RECOVERY_SIGN_IN: LoginEvent[] = [
  {
    "id": "acb546b2-e53f-425d-ad56-e15fe10c4e4c",
    "time": 1796019092314,
    "type": "CUSTOM_REQUIRED_ACTION",
    "clientId": "self-service",
    "userId": "ebad1110-2801-44ac-b9fd-8df6ba301499",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "recovery-authn-codes",
      "auth_method": "openid-connect",
      "auth_type": "code",
      "custom_required_action": "kca-recovery-renewal",
      "kca_renewal": "CONFIGURE_TOTP,CONFIGURE_RECOVERY_AUTHN_CODES",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "code_id": "i8aZk9JXVyblhjqxwR2tb7sn",
      "kca_recovery_code": "used"
    }
  },
  {
    "id": "2f020f90-8418-42dc-851e-a370a7c72511",
    "time": 1796019094193,
    "type": "LOGIN",
    "clientId": "self-service",
    "userId": "ebad1110-2801-44ac-b9fd-8df6ba301499",
    "sessionId": "i8aZk9JXVyblhjqxwR2tb7sn",
    "ipAddress": "10.88.0.1",
    "details": {
      "credential_type": "recovery-authn-codes",
      "auth_method": "openid-connect",
      "custom_required_action": "CONFIGURE_RECOVERY_AUTHN_CODES",
      "response_type": "code",
      "redirect_uri": "https://app.kc-assurance.test/callback",
      "remember_me": "false",
      "consent": "no_consent_required",
      "code_id": "i8aZk9JXVyblhjqxwR2tb7sn",
      "response_mode": "query",
      "username": "avery"
    }
  }
];
