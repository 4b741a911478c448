// Test users (provisioning/admin/users.ts makes them) in the test file's realm.
import { randomBytes } from "node:crypto";
import type { AdminClient } from "../../provisioning/admin/connect.js";
import { createUserWithPassword, grantRealmRole as grant, totpCredential, type PasswordUser } from "../../provisioning/admin/users.js";
import type { FreshRealm } from "./realm.js";

export type TestUser = PasswordUser;

export function createUser(realm: FreshRealm, username: string, extra: { groups?: string[] } = {}): Promise<TestUser> {
  return createUserWithPassword(realm.admin, realm.name, username, extra);
}

/** Gives the user the realm role of that name. */
export function grantRealmRole(realm: FreshRealm, userId: string, name: string): Promise<void> {
  return grant(realm.admin, realm.name, userId, name);
}

/** A user for importUsers: the factors they hold, as stored credentials. */
export interface ImportedUser {
  readonly username: string;
  /** Group names (top-level groups). */
  readonly groups?: readonly string[];
  readonly enabled?: boolean;
  readonly totp?: boolean;
  /** A set of recovery codes with this many left (of 12). */
  readonly recoveryCodesLeft?: number;
  readonly requiredActions?: readonly string[];
}

/**
 * Many users at once through the admin partialImport endpoint, in chunks of 1,000: seconds for
 * 10,000 users where one request per user takes minutes. They have no password (hashing one costs
 * the server about 0.1 s a user) and so cannot sign in; their factors are stored credentials as a
 * realm export holds them, with random values.
 */
export async function importUsers(admin: AdminClient, realm: string, users: readonly ImportedUser[]): Promise<void> {
  const random = () => randomBytes(15).toString("base64url");
  const representation = (u: ImportedUser) => ({
    username: u.username,
    enabled: u.enabled ?? true,
    email: `${u.username}@example.test`,
    emailVerified: true,
    firstName: "Test",
    lastName: u.username,
    groups: (u.groups ?? []).map((g) => `/${g}`),
    requiredActions: [...(u.requiredActions ?? [])],
    credentials: [
      ...(u.totp ? [totpCredential("Phone", random())] : []),
      ...(u.recoveryCodesLeft === undefined ? [] : [{
        type: "recovery-authn-codes",
        secretData: JSON.stringify({ codes: Array.from({ length: u.recoveryCodesLeft }, (_, i) => ({ number: 12 - u.recoveryCodesLeft! + i + 1, encodedHashedValue: random() })) }),
        credentialData: JSON.stringify({ hashIterations: null, algorithm: "RS512", totalCodes: 12, remainingCodes: u.recoveryCodesLeft }),
      }]),
    ],
  });
  for (let i = 0; i < users.length; i += 1000) {
    await admin.realms.partialImport({ realm, rep: { ifResourceExists: "FAIL", users: users.slice(i, i + 1000).map(representation) } as never });
  }
}
