// Keycloak's production shape, started for tests: one network, PostgreSQL, and nodes running
// `start` that form one cluster by Keycloak's own means (distributed Infinispan caches, jdbc-ping
// discovery through the database). The same topology as docker-compose.cluster.yml.
//
//   const cluster = await new KeycloakCluster().withProviders(providerJars()).start();
//   const [a, b] = cluster.nodes;   // a.baseUrl, b.baseUrl; await a.kill() crashes node A
//   await cluster.stop();
//
// Images: KEYCLOAK_IMAGE / POSTGRES_IMAGE, else the locally built ones if present, else the official
// ones (scripts/image/postgres-image.sh builds PostgreSQL's where it cannot be pulled). Everything
// started is removed by stop(), on failure, and on SIGINT/SIGTERM.
import { randomBytes } from "node:crypto";
import type { StartedNetwork, StartedTestContainer } from "testcontainers";
import {
  bootstrapAdmin, HTTP_PORT, KeycloakBuilder, keycloakContainer, loadTestcontainers, ownerLabels, preferredImage, removeOrphans, startupFailure,
  stopOnceAndOnSignals, type AdminCredentials, type Testcontainers,
} from "./container.js";
import { browserHost } from "./launcher.js";
import { localImage, localPostgresImage, officialImage, officialPostgresImage } from "./version.js";

export interface ClusterNode {
  /** "a", "b", ... */
  readonly name: string;
  /** The node's own URL from this machine, e.g. http://localhost:32768 */
  readonly baseUrl: string;
  /** Ends the node's JVM at once (SIGKILL), as a crash or a lost machine would; stop() removes it. */
  kill(): Promise<void>;
}

export interface RunningCluster {
  readonly nodes: readonly ClusterNode[];
  readonly admin: AdminCredentials;
  readonly image: string;
  readonly postgresImage: string;
  stop(): Promise<void>;
}

const DB = { name: "keycloak", user: "keycloak", password: "keycloak" } as const;
const STOP = { timeout: 10_000, remove: true, removeVolumes: true } as const;

/** Nodes run Keycloak's build step as they start, slow on a busy machine: 10 minutes by default. */
export class KeycloakCluster extends KeycloakBuilder {
  private nodeCount = 2;

  constructor(vars: NodeJS.ProcessEnv = process.env) {
    super(vars, 600_000);
  }

  withNodes(count: number): this {
    this.nodeCount = count;
    return this;
  }

  async start(): Promise<RunningCluster> {
    const tc = await loadTestcontainers();
    const runtime = await tc.getContainerRuntimeClient();
    await removeOrphans(runtime);
    const image = await preferredImage(tc, runtime, this.vars.KEYCLOAK_IMAGE, localImage, officialImage);
    const postgresImage = await preferredImage(tc, runtime, this.vars.POSTGRES_IMAGE, localPostgresImage, officialPostgresImage);
    const admin = bootstrapAdmin(this.vars, () => randomBytes(12).toString("base64url"));

    const network = await new tc.Network().start();
    const containers: StartedTestContainer[] = [];
    const removeAll = async () => {
      await Promise.all(containers.map((c) => c.stop(STOP).catch(() => {})));
      await network.stop().catch(() => {});
    };
    try {
      const postgres = await this.startPostgres(tc, postgresImage, network);
      containers.push(postgres);
      // By address, not by name: podman's default CNI networks have no DNS (dnsname is a plugin of its own).
      const dbUrl = `jdbc:postgresql://${postgres.getIpAddress(network.getName())}:5432/${DB.name}`;
      // All nodes at once: the first to reach the database creates the schema, the others wait for its lock.
      const started = await Promise.allSettled(Array.from({ length: this.nodeCount }, () => this.startNode(tc, image, admin, network, dbUrl)));
      for (const s of started) if (s.status === "fulfilled") containers.push(s.value);
      const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (failed) throw failed.reason;
    } catch (err) {
      await removeAll();
      throw err;
    }

    const nodes = containers.slice(1).map((c, i): ClusterNode => ({
      name: String.fromCharCode(97 + i),
      baseUrl: `http://${browserHost(c.getHost())}:${c.getMappedPort(HTTP_PORT)}`,
      kill: async () => {
        await runtime.container.dockerode.getContainer(c.getId()).kill({ signal: "SIGKILL" });
      },
    }));
    return { nodes, admin, image, postgresImage, stop: stopOnceAndOnSignals(removeAll) };
  }

  private startPostgres(tc: Testcontainers, image: string, network: StartedNetwork): Promise<StartedTestContainer> {
    return new tc.GenericContainer(image)
      .withNetwork(network)
      .withLabels(ownerLabels())
      .withEnvironment({ POSTGRES_USER: DB.user, POSTGRES_PASSWORD: DB.password, POSTGRES_DB: DB.name })
      // Published although only the nodes use it: podman lists the image's EXPOSE as a binding to
      // wait for, which testcontainers would otherwise wait on in vain.
      .withExposedPorts(5432)
      // TCP, not the socket: the official image's first-start server listens on the socket only.
      .withWaitStrategy(tc.Wait.forSuccessfulCommand(`pg_isready -h 127.0.0.1 -U ${DB.user} -d ${DB.name}`))
      .withStartupTimeout(180_000)
      .start();
  }

  private async startNode(tc: Testcontainers, image: string, admin: AdminCredentials, network: StartedNetwork, dbUrl: string): Promise<StartedTestContainer> {
    const { container, logTail } = keycloakContainer(tc, image, {
      admin,
      providers: this.providers,
      env: {
        KC_DB: "postgres",
        KC_DB_URL: dbUrl,
        KC_DB_USERNAME: DB.user,
        KC_DB_PASSWORD: DB.password,
        KC_DB_POOL_MAX_SIZE: "20",
        KC_CACHE: "ispn",
        KC_HTTP_ENABLED: "true",
        // Each node answers under the address it is called by (its mapped port, or a test's balancer).
        KC_HOSTNAME_STRICT: "false",
        // Two JVMs on a 2-core machine shared with other work: a modest heap each.
        JAVA_OPTS_KC_HEAP: "-Xms256m -Xmx768m",
        ...this.env,
      },
      startupTimeoutMs: this.startupTimeoutMs,
    });
    try {
      return await container.withCommand(["start"]).withNetwork(network).start();
    } catch (err) {
      throw startupFailure(image, err, logTail);
    }
  }
}
