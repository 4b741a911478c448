// Starts (or connects to) the Keycloak every test, script and the main job talks to.
//
//   const kc = await new KeycloakLauncher().withProviders(["theme/dist_keycloak/theme.jar"]).start();
//   ... kc.baseUrl, kc.admin ...
//   await kc.stop();
//
// With KEYCLOAK_URL set, nothing is started: the running server at that URL is used (docker compose
// users, debugging). Otherwise a container is started with testcontainers from KEYCLOAK_IMAGE, else
// the locally built image of the pinned version if there is one, else the official image. Ryuk is not used (its image cannot be pulled everywhere), so
// the launcher itself stops what it started: on stop(), on failure, and on SIGINT/SIGTERM.
import { randomBytes } from "node:crypto";
import { hostname, networkInterfaces } from "node:os";
import { basename, resolve } from "node:path";
import { existsSync } from "node:fs";
import type { ContainerRuntimeClient, StartedTestContainer } from "testcontainers";
import { keycloakVersion, localImage, officialImage } from "./version.js";

export interface AdminCredentials {
  readonly username: string;
  readonly password: string;
}

export interface RunningKeycloak {
  /** Base URL without trailing slash, e.g. http://localhost:32768 */
  readonly baseUrl: string;
  /**
   * The same server as the server itself reaches it (e.g. http://localhost:8080 inside its
   * container): for back-channel URLs one realm calls on another (token and key endpoints of a
   * brokered identity provider).
   */
  readonly selfUrl: string;
  /**
   * This machine's address as the server reaches it, for servers a test runs itself (an SMTP
   * server receiving the realm's e-mails): KC_TEST_HOST_FROM_SERVER if set, else the started
   * container's default gateway, or localhost for KEYCLOAK_URL (our dev server uses host networking).
   */
  readonly hostFromServer: string;
  /** Bootstrap admin of the master realm. */
  readonly admin: AdminCredentials;
  /** True when this process started the server (and stop() will remove it). */
  readonly owned: boolean;
  readonly version: string;
  /** The image started, or undefined for a server at KEYCLOAK_URL. */
  readonly image: string | undefined;
  stop(): Promise<void>;
}

const HTTP_PORT = 8080;
const MANAGEMENT_PORT = 9000;
const PROVIDERS_DIR = "/opt/keycloak/providers";
const LOG_TAIL_LINES = 60;
/** Marks containers this launcher started with "<hostname>:<pid>" of the starting process. */
const LABEL_OWNER = "org.kc-assurance.owner";
const ownerLabel = () => `${hostname()}:${process.pid}`;

export class KeycloakLauncher {
  private image: string | undefined;
  private providers: string[] = [];
  private env: Record<string, string> = {};
  private startupTimeoutMs = 240_000;
  private readonly vars: NodeJS.ProcessEnv;

  constructor(vars: NodeJS.ProcessEnv = process.env) {
    this.vars = vars;
    this.image = vars.KEYCLOAK_IMAGE || undefined;
  }

  withImage(image: string): this {
    this.image = image;
    return this;
  }

  /** Provider or theme jars copied into /opt/keycloak/providers before start. */
  withProviders(jars: readonly string[]): this {
    this.providers.push(...jars.map((j) => resolve(j)));
    return this;
  }

  /** Extra server options as KC_* environment variables. */
  withEnvironment(env: Record<string, string>): this {
    Object.assign(this.env, env);
    return this;
  }

  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  async start(): Promise<RunningKeycloak> {
    const external = this.vars.KEYCLOAK_URL;
    if (external) return connectExisting(external, this.vars);
    return this.startContainer();
  }

  private async startContainer(): Promise<RunningKeycloak> {
    for (const jar of this.providers) {
      if (!existsSync(jar)) throw new Error(`provider jar not found: ${jar}`);
    }
    // Set before testcontainers looks; a user's explicit choice wins.
    process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
    const { GenericContainer, Wait, getContainerRuntimeClient, ImageName } = await import("testcontainers");
    const runtime = await getContainerRuntimeClient();
    await removeOrphans(runtime);
    // Unless told otherwise: a locally built image of the pinned version, else the official one.
    const image = this.image ?? ((await runtime.image.exists(ImageName.fromString(localImage))) ? localImage : officialImage);

    const admin: AdminCredentials = {
      username: this.vars.KEYCLOAK_ADMIN_USERNAME || "admin",
      password: this.vars.KEYCLOAK_ADMIN_PASSWORD || randomBytes(12).toString("base64url"),
    };
    const logTail: string[] = [];
    const container = new GenericContainer(image)
      .withCommand(["start-dev"])
      .withEnvironment({
        KC_BOOTSTRAP_ADMIN_USERNAME: admin.username,
        KC_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
        KC_HEALTH_ENABLED: "true",
        // Recent dev mode listens on localhost only, which a published port cannot reach.
        KC_HTTP_HOST: "0.0.0.0",
        ...this.env,
      })
      .withLabels({ [LABEL_OWNER]: ownerLabel() })
      .withExposedPorts(HTTP_PORT, MANAGEMENT_PORT)
      .withCopyFilesToContainer(
        this.providers.map((source) => ({ source, target: `${PROVIDERS_DIR}/${basename(source)}`, mode: 0o644 })),
      )
      .withLogConsumer((stream) =>
        stream.on("data", (chunk: Buffer | string) => {
          logTail.push(...String(chunk).split("\n").filter(Boolean));
          logTail.splice(0, Math.max(0, logTail.length - LOG_TAIL_LINES));
        }),
      )
      .withWaitStrategy(Wait.forHttp("/health/ready", MANAGEMENT_PORT).forStatusCode(200))
      .withStartupTimeout(this.startupTimeoutMs);

    let started: StartedTestContainer;
    try {
      started = await container.start();
    } catch (err) {
      throw new Error(
        `Keycloak did not start from image ${image}: ${(err as Error).message}\n` +
          `--- last Keycloak log lines ---\n${logTail.join("\n") || "(none)"}\n` +
          "Is a container engine reachable (Docker, or podman via scripts/host/setup-podman.sh)? " +
          "Without a registry, build the image with scripts/image/build-keycloak-image.sh and set KEYCLOAK_IMAGE.",
        { cause: err },
      );
    }

    const baseUrl = `http://${browserHost(started.getHost())}:${started.getMappedPort(HTTP_PORT)}`;
    let hostFromServer: string;
    try {
      hostFromServer = this.vars.KC_TEST_HOST_FROM_SERVER || (await gatewayOf(started));
    } catch (err) {
      await started.stop({ timeout: 10_000, remove: true, removeVolumes: true }).catch(() => {});
      throw err;
    }
    let stopping: Promise<void> | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      void stop().finally(() => process.kill(process.pid, signal));
    };
    const stop = () => {
      stopping ??= (async () => {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await started.stop({ timeout: 10_000, remove: true, removeVolumes: true });
      })();
      return stopping;
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    return {
      baseUrl, selfUrl: `http://localhost:${HTTP_PORT}`, hostFromServer, admin, owned: true, version: keycloakVersion, image, stop,
    };
  }
}

/**
 * Without Ryuk, a process killed outright (kill -9, a CI timeout) leaves its Keycloak running.
 * The next start on the same host removes containers whose starting process is gone.
 */
async function removeOrphans(client: ContainerRuntimeClient): Promise<void> {
  const listed = await client.container.dockerode.listContainers({ all: true, filters: { label: [LABEL_OWNER] } });
  for (const info of listed) {
    const [host, pid] = (info.Labels[LABEL_OWNER] ?? "").split(":");
    if (host !== hostname() || processAlive(Number(pid))) continue;
    await client.container.dockerode.getContainer(info.Id).remove({ force: true, v: true }).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function connectExisting(url: string, vars: NodeJS.ProcessEnv): Promise<RunningKeycloak> {
  const baseUrl = url.replace(/\/+$/, "");
  const admin = {
    username: vars.KEYCLOAK_ADMIN_USERNAME || "admin",
    password: vars.KEYCLOAK_ADMIN_PASSWORD || "admin",
  };
  // Fail early and clearly when the server is not there, rather than in the first test.
  const res = await fetch(`${baseUrl}/realms/master/.well-known/openid-configuration`).catch((err: Error) => {
    throw new Error(`KEYCLOAK_URL=${baseUrl} does not answer: ${err.message}`, { cause: err });
  });
  if (!res.ok) throw new Error(`KEYCLOAK_URL=${baseUrl} answered ${res.status} for the master realm's discovery document`);
  const hostFromServer = vars.KC_TEST_HOST_FROM_SERVER || "localhost";
  return { baseUrl, selfUrl: baseUrl, hostFromServer, admin, owned: false, version: keycloakVersion, image: undefined, stop: async () => {} };
}

/**
 * A container reaches the machine running it at its default gateway (the bridge's address on the
 * host, e.g. 10.88.0.1 under podman, 172.17.0.1 under Docker). Read inside the container because
 * the engine's own view of the network differs between Docker, podman and rootless setups.
 */
async function gatewayOf(container: StartedTestContainer): Promise<string> {
  const { exitCode, output } = await container.exec(["cat", "/proc/net/route"]);
  const gateway = exitCode === 0 ? defaultGateway(output) : undefined;
  if (!gateway) {
    throw new Error(
      `cannot tell how the Keycloak container reaches this machine (cat /proc/net/route exited ${exitCode}: ` +
        `${output.trim().slice(0, 300) || "no output"}); set KC_TEST_HOST_FROM_SERVER to this machine's address as the container sees it`,
    );
  }
  return gateway;
}

/**
 * The gateway of the default route in Linux's /proc/net/route: the up row (flag RTF_UP, 0x1) whose
 * destination and mask are 0. The kernel prints each address as a 32-bit number in host byte order
 * (little-endian on x86 and arm64), so the hex reads backwards: 0158A8C0 is 192.168.88.1.
 */
export function defaultGateway(procNetRoute: string): string | undefined {
  for (const line of procNetRoute.split("\n").slice(1)) {
    const [, destination, gateway = "", flags = "0", , , , mask] = line.trim().split(/\s+/);
    if (destination !== "00000000" || mask !== "00000000" || (parseInt(flags, 16) & 0x1) === 0) continue;
    if (!/^[0-9A-Fa-f]{8}$/.test(gateway) || gateway === "00000000") continue;
    const n = parseInt(gateway, 16);
    return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24].join(".");
  }
  return undefined;
}

/**
 * Browsers treat plain HTTP as a secure context (needed for WebAuthn) only on localhost. Podman
 * reports its bridge gateway (e.g. 10.88.0.1) as the host; when that address is one of this
 * machine's own, the mapped port answers on localhost too, so use that.
 */
export function browserHost(host: string, interfaces = networkInterfaces()): string {
  if (host === "localhost" || host.startsWith("127.") || host === "::1") return "localhost";
  const own = Object.values(interfaces).flat().some((i) => i?.address === host);
  return own ? "localhost" : host;
}
