// The cluster of a test file (scripts/keycloak/cluster.ts): PostgreSQL and nodes A and B, started
// once before the file's tests and removed after them, with a balancer in front and one realm
// made through node A. `realm` has the shape of a FreshRealm, so the helpers of the single-server
// tests (provision, tierUser, policyClient) work on it: its admin talks to node A, its issuer is
// the balancer's.
import { randomBytes } from "node:crypto";
import { connectAdmin, type AdminClient } from "../../provisioning/admin/connect.js";
import { KeycloakCluster, type ClusterNode, type RunningCluster } from "../../scripts/keycloak/cluster.js";
import { providerJars } from "../../scripts/keycloak/provider-jars.js";
import { startBalancer, type Balancer } from "./balancer.js";
import type { FreshRealm } from "./realm.js";

/** Two nodes each building their server at start, on a busy 2-core machine. */
const START_TIMEOUT_MS = 900_000;

export interface ClusterUnderTest {
  readonly a: ClusterNode;
  readonly b: ClusterNode;
  readonly balancer: Balancer;
  readonly realm: FreshRealm;
  /** An admin client logged in through this node (its own token, its own caches). */
  adminOn(node: ClusterNode): Promise<AdminClient>;
}

export function useCluster(prefix: string): ClusterUnderTest {
  let cluster: RunningCluster | undefined;
  let balancer: Balancer | undefined;
  let realm: FreshRealm | undefined;
  const adminOn = async (node: ClusterNode) => {
    if (!cluster || !realm) throw new Error("useCluster: the cluster exists only inside tests");
    const admin = await connectAdmin(node.baseUrl, { kind: "password", ...cluster.admin });
    admin.setConfig({ realmName: realm.name });
    return admin;
  };
  beforeAll(async () => {
    const began = Date.now();
    cluster = await new KeycloakCluster().withProviders(providerJars()).start();
    const [a] = cluster.nodes;
    process.stderr.write(`\ncluster of ${cluster.nodes.length} (${cluster.image}, ${cluster.postgresImage}) started in ${((Date.now() - began) / 1000).toFixed(0)} s\n`);
    balancer = await startBalancer(a!.baseUrl);
    const admin = await connectAdmin(a!.baseUrl, { kind: "password", ...cluster.admin });
    const name = `${prefix}-${randomBytes(4).toString("hex")}`;
    await admin.realms.create({ realm: name, enabled: true });
    admin.setConfig({ realmName: name });
    const server = { baseUrl: a!.baseUrl, selfUrl: "http://localhost:8080", hostFromServer: "localhost", admin: cluster.admin };
    realm = { name, admin, server, issuer: `${balancer.url}/realms/${name}` };
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await balancer?.close();
    await cluster?.stop();
  }, 120_000);
  const get = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useCluster: the cluster exists only inside tests");
    return value;
  };
  return {
    get a() { return get(cluster?.nodes[0]); },
    get b() { return get(cluster?.nodes[1]); },
    get balancer() { return get(balancer); },
    get realm() { return get(realm); },
    adminOn,
  };
}
