// What every Keycloak container we start has in common, for the single dev-mode server
// (launcher.ts) and the nodes of a cluster (cluster.ts): the image choice, our jars in
// /opt/keycloak/providers, the bootstrap admin, health on the management port, the owner label by
// which the next run removes what a killed run left behind, and the last log lines for errors.
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { basename, resolve } from "node:path";
import type * as testcontainers from "testcontainers";
import type { ContainerRuntimeClient, GenericContainer } from "testcontainers";

export interface AdminCredentials {
  readonly username: string;
  readonly password: string;
}

export const HTTP_PORT = 8080;
export const MANAGEMENT_PORT = 9000;
const PROVIDERS_DIR = "/opt/keycloak/providers";
const LOG_TAIL_LINES = 60;
/** Marks containers we started with "<hostname>:<pid>" of the starting process. */
const LABEL_OWNER = "org.kc-assurance.owner";

export type Testcontainers = typeof testcontainers;

/** testcontainers, loaded only when a container is started (the KEYCLOAK_URL path never needs it). */
export async function loadTestcontainers(): Promise<Testcontainers> {
  // Set before testcontainers looks; a user's explicit choice wins. Ryuk's image cannot be pulled
  // everywhere, so whoever starts a container removes it.
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
  return import("testcontainers");
}

/** The explicit choice, else the locally built image if present, else the official one. */
export async function preferredImage(tc: Testcontainers, runtime: ContainerRuntimeClient, explicit: string | undefined, local: string, official: string): Promise<string> {
  if (explicit) return explicit;
  return (await runtime.image.exists(tc.ImageName.fromString(local))) ? local : official;
}

/** Labels every container we start carries, so removeOrphans() can find it. */
export function ownerLabels(): Record<string, string> {
  return { [LABEL_OWNER]: `${hostname()}:${process.pid}` };
}

export function bootstrapAdmin(vars: NodeJS.ProcessEnv, randomPassword: () => string): AdminCredentials {
  return { username: vars.KEYCLOAK_ADMIN_USERNAME || "admin", password: vars.KEYCLOAK_ADMIN_PASSWORD || randomPassword() };
}

export interface KeycloakContainerOptions {
  readonly admin: AdminCredentials;
  /** Provider and theme jars (absolute paths) copied into /opt/keycloak/providers. */
  readonly providers: readonly string[];
  /** Server options as KC_* variables, on top of the admin and health ones. */
  readonly env: Record<string, string>;
  readonly startupTimeoutMs: number;
}

export interface KeycloakContainer {
  /** Still to be given its command (start-dev, start) and started. */
  readonly container: GenericContainer;
  /** The last lines the server logged, for the error when it does not become ready. */
  readonly logTail: string[];
}

export function keycloakContainer(tc: Testcontainers, image: string, opts: KeycloakContainerOptions): KeycloakContainer {
  for (const jar of opts.providers) {
    if (!existsSync(jar)) throw new Error(`provider jar not found: ${jar}`);
  }
  const logTail: string[] = [];
  const container = new tc.GenericContainer(image)
    .withEnvironment({
      KC_BOOTSTRAP_ADMIN_USERNAME: opts.admin.username,
      KC_BOOTSTRAP_ADMIN_PASSWORD: opts.admin.password,
      KC_HEALTH_ENABLED: "true",
      ...opts.env,
    })
    .withLabels(ownerLabels())
    .withExposedPorts(HTTP_PORT, MANAGEMENT_PORT)
    .withCopyFilesToContainer(
      opts.providers.map((source) => ({ source, target: `${PROVIDERS_DIR}/${basename(source)}`, mode: 0o644 })),
    )
    .withLogConsumer((stream) =>
      stream.on("data", (chunk: Buffer | string) => {
        logTail.push(...String(chunk).split("\n").filter(Boolean));
        logTail.splice(0, Math.max(0, logTail.length - LOG_TAIL_LINES));
      }),
    )
    .withWaitStrategy(tc.Wait.forHttp("/health/ready", MANAGEMENT_PORT).forStatusCode(200))
    .withStartupTimeout(opts.startupTimeoutMs);
  return { container, logTail };
}

/** The error for a Keycloak that did not become ready: why, and what it last said. */
export function startupFailure(image: string, err: unknown, logTail: readonly string[]): Error {
  return new Error(
    `Keycloak did not start from image ${image}: ${(err as Error).message}\n` +
      `--- last Keycloak log lines ---\n${logTail.join("\n") || "(none)"}\n` +
      "Is a container engine reachable (Docker, or podman via scripts/host/setup-podman.sh)? " +
      "Without a registry, build the image with scripts/image/build-keycloak-image.sh and set KEYCLOAK_IMAGE.",
    { cause: err },
  );
}

/**
 * Makes `stop` run at most once, and also on SIGINT/SIGTERM (Ctrl-C in `npm start`, a cancelled
 * CI job), after which the signal is re-raised so the process still ends as it would have.
 */
export function stopOnceAndOnSignals(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    void once().finally(() => process.kill(process.pid, signal));
  };
  const once = () => {
    stopping ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await stop();
    })();
    return stopping;
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return once;
}

/**
 * Without Ryuk, a process killed outright (kill -9, a CI timeout) leaves its containers running.
 * The next start on the same host removes containers whose starting process is gone.
 */
export async function removeOrphans(client: ContainerRuntimeClient): Promise<void> {
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

/** What both builders (the dev-mode launcher, the cluster) let a caller set before start. */
export abstract class KeycloakBuilder {
  protected readonly providers: string[] = [];
  protected readonly env: Record<string, string> = {};
  protected readonly vars: NodeJS.ProcessEnv;
  protected startupTimeoutMs: number;

  protected constructor(vars: NodeJS.ProcessEnv, startupTimeoutMs: number) {
    this.vars = vars;
    this.startupTimeoutMs = startupTimeoutMs;
  }

  /** Provider or theme jars copied into /opt/keycloak/providers (of every node) before start. */
  withProviders(jars: readonly string[]): this {
    this.providers.push(...jars.map((j) => resolve(j)));
    return this;
  }

  /** Extra server options as KC_* environment variables (of every node). */
  withEnvironment(env: Record<string, string>): this {
    Object.assign(this.env, env);
    return this;
  }

  /** How long each container may take to become ready. */
  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }
}
