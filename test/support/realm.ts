// Each test file gets its own realm on the shared Keycloak: created before its tests, deleted after.
//
//   const realm = useFreshRealm("login");
//   it("...", async () => { await realm.admin.users.create({ realm: realm.name, ... }) });
import { randomBytes } from "node:crypto";
import { connectAdmin, type AdminClient } from "../../provisioning/admin/connect.js";
import { testServer, type TestServer } from "./server.js";

export interface FreshRealm {
  /** Realm name, unique per file and run. */
  readonly name: string;
  /** Admin client logged in to master, defaulting to this realm. */
  readonly admin: AdminClient;
  readonly server: TestServer;
  /** Issuer URL of the realm. */
  readonly issuer: string;
}

export function useFreshRealm(prefix: string): FreshRealm {
  let state: FreshRealm | undefined;
  beforeAll(async () => {
    const server = testServer();
    const admin = await connectAdmin(server.baseUrl, { kind: "password", ...server.admin });
    const name = `${prefix}-${randomBytes(4).toString("hex")}`;
    await admin.realms.create({ realm: name, enabled: true });
    admin.setConfig({ realmName: name });
    state = { name, admin, server, issuer: `${server.baseUrl}/realms/${name}` };
  });
  afterAll(async () => {
    if (state) await state.admin.realms.del({ realm: state.name });
  });
  const get = (): FreshRealm => {
    if (!state) throw new Error("useFreshRealm: the realm exists only inside tests (after beforeAll)");
    return state;
  };
  return {
    get name() { return get().name; },
    get admin() { return get().admin; },
    get server() { return get().server; },
    get issuer() { return get().issuer; },
  };
}
