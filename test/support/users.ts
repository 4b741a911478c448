// Test users (provisioning/admin/users.ts makes them) in the test file's realm.
import { createUserWithPassword, grantRealmRole as grant, type PasswordUser } from "../../provisioning/admin/users.js";
import type { FreshRealm } from "./realm.js";

export type TestUser = PasswordUser;

export function createUser(realm: FreshRealm, username: string, extra: { groups?: string[] } = {}): Promise<TestUser> {
  return createUserWithPassword(realm.admin, realm.name, username, extra);
}

/** Gives the user the realm role of that name. */
export function grantRealmRole(realm: FreshRealm, userId: string, name: string): Promise<void> {
  return grant(realm.admin, realm.name, userId, name);
}
