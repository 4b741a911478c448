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
