// Test users complete enough that Keycloak's user profile asks nothing more of them at login.
import { randomBytes } from "node:crypto";
import type { FreshRealm } from "./realm.js";

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

export async function createUser(realm: FreshRealm, username: string, extra: { groups?: string[] } = {}): Promise<TestUser> {
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const { id } = await realm.admin.users.create({
    realm: realm.name,
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
export async function grantRealmRole(realm: FreshRealm, userId: string, name: string): Promise<void> {
  const role = await realm.admin.roles.findOneByName({ name });
  if (!role?.id) throw new Error(`no realm role ${name} in realm ${realm.name}`);
  await realm.admin.users.addRealmRoleMappings({ id: userId, roles: [{ id: role.id, name }] });
}
