// Users made through the admin API, complete enough that Keycloak's user profile asks nothing more
// of them at sign-in (the tests' users and `kc-assurance verify`'s throwaway ones).
import { randomBytes } from "node:crypto";
import type { AdminClient } from "./connect.js";

export interface PasswordUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

/** A user with a random password (never printed), e-mail verified, in the given groups (paths or names). */
export async function createUserWithPassword(admin: AdminClient, realm: string, username: string, extra: { groups?: string[] } = {}): Promise<PasswordUser> {
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const { id } = await admin.users.create({
    realm,
    username,
    enabled: true,
    email: `${username}@example.test`,
    emailVerified: true,
    firstName: "Test",
    lastName: username,
    credentials: [{ type: "password", value: password, temporary: false }],
    ...(extra.groups ? { groups: extra.groups } : {}),
  });
  return { id, username, password };
}

/** Gives the user the realm role of that name (the admin API takes roles by id and name). */
export async function grantRealmRole(admin: AdminClient, realm: string, userId: string, name: string): Promise<void> {
  const role = await admin.roles.findOneByName({ realm, name });
  if (!role?.id) throw new Error(`no realm role ${name} in realm ${realm}`);
  await admin.users.addRealmRoleMappings({ realm, id: userId, roles: [{ id: role.id, name }] });
}

/** Puts the user in the top-level group of that name. */
export async function joinGroup(admin: AdminClient, realm: string, userId: string, name: string): Promise<void> {
  const group = (await admin.groups.find({ realm, search: name, exact: true } as never)).find((g) => g.name === name);
  if (!group?.id) throw new Error(`no group ${name} in realm ${realm}`);
  await admin.users.addToGroup({ realm, id: userId, groupId: group.id });
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Uint8Array): string {
  let bits = "";
  for (const b of bytes) bits += b.toString(2).padStart(8, "0");
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => BASE32[parseInt(chunk.padEnd(5, "0"), 2)]).join("");
}

/**
 * A TOTP secret as Keycloak keeps it (20 random letters, used as bytes for the HMAC) and its base32
 * form, which is what the enrolment page shows and an authenticator app works with.
 */
function totpSecret(): { stored: string; shown: string } {
  const stored = Array.from(crypto.getRandomValues(new Uint8Array(20)), (b) => BASE32[b % 32]).join("");
  return { stored, shown: base32(new TextEncoder().encode(stored)) };
}

/** An authenticator app as Keycloak stores it (SHA-1, 6 digits, 30 s), for a user update or an import. */
export function totpCredential(userLabel: string, storedSecret: string): { type: string; userLabel: string; secretData: string; credentialData: string } {
  return {
    type: "otp",
    userLabel,
    secretData: JSON.stringify({ value: storedSecret }),
    credentialData: JSON.stringify({ subType: "totp", digits: 6, counter: 0, period: 30, algorithm: "HmacSHA1" }),
  };
}

/**
 * Authenticator apps for a user, one TOTP credential (SHA-1, 6 digits, 30 s) per label, without the
 * enrolment page: Keycloak accepts OTP credentials in a user update, as in a realm import.
 */
export async function giveTotpApps(admin: AdminClient, realm: string, userId: string, labels: readonly string[]): Promise<{ stored: string; shown: string }[]> {
  const secrets = labels.map(() => totpSecret());
  await admin.users.update(
    { realm, id: userId },
    {
      credentials: labels.map((userLabel, i) => totpCredential(userLabel, secrets[i]!.stored)),
    },
  );
  return secrets;
}
