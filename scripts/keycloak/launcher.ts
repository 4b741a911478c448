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
import { networkInterfaces } from "node:os";
import type { StartedTestContainer } from "testcontainers";
import {
  bootstrapAdmin, HTTP_PORT, KeycloakBuilder, keycloakContainer, loadTestcontainers, preferredImage, removeOrphans, startupFailure,
  stopOnceAndOnSignals, type AdminCredentials,
} from "./container.js";
import { keycloakVersion, localImage, officialImage } from "./version.js";

export type { AdminCredentials } from "./container.js";

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

export class KeycloakLauncher extends KeycloakBuilder {
  private image: string | undefined;

  constructor(vars: NodeJS.ProcessEnv = process.env) {
    super(vars, 240_000);
    this.image = vars.KEYCLOAK_IMAGE || undefined;
  }

  withImage(image: string): this {
    this.image = image;
    return this;
  }

  async start(): Promise<RunningKeycloak> {
    const external = this.vars.KEYCLOAK_URL;
    if (external) return connectExisting(external, this.vars);
    return this.startContainer();
  }

  private async startContainer(): Promise<RunningKeycloak> {
    const tc = await loadTestcontainers();
    const runtime = await tc.getContainerRuntimeClient();
    await removeOrphans(runtime);
    const image = await preferredImage(tc, runtime, this.image, localImage, officialImage);
    const admin = bootstrapAdmin(this.vars, () => randomBytes(12).toString("base64url"));
    const { container, logTail } = keycloakContainer(tc, image, {
      admin,
      providers: this.providers,
      // Recent dev mode listens on localhost only, which a published port cannot reach.
      env: { KC_HTTP_HOST: "0.0.0.0", ...this.env },
      startupTimeoutMs: this.startupTimeoutMs,
    });

    let started: StartedTestContainer;
    try {
      started = await container.withCommand(["start-dev"]).start();
    } catch (err) {
      throw startupFailure(image, err, logTail);
    }

    const baseUrl = `http://${browserHost(started.getHost())}:${started.getMappedPort(HTTP_PORT)}`;
    let hostFromServer: string;
    try {
      hostFromServer = this.vars.KC_TEST_HOST_FROM_SERVER || (await gatewayOf(started));
    } catch (err) {
      await started.stop({ timeout: 10_000, remove: true, removeVolumes: true }).catch(() => {});
      throw err;
    }
    const stop = stopOnceAndOnSignals(() => started.stop({ timeout: 10_000, remove: true, removeVolumes: true }).then(() => {}));
    return {
      baseUrl, selfUrl: `http://localhost:${HTTP_PORT}`, hostFromServer, admin, owned: true, version: keycloakVersion, image, stop,
    };
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
