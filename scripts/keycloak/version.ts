// The pinned Keycloak version lives in the repository's `.env` (also read by docker compose),
// so every consumer reads it from there instead of repeating it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export function parseDotEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith("#")) vars[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return vars;
}

const pinned = parseDotEnv(readFileSync(new URL("../../.env", import.meta.url), "utf8"));

export const keycloakVersion: string = (() => {
  const v = pinned.KEYCLOAK_VERSION;
  if (!v || !/^26\.\d+\.\d+$/.test(v)) throw new Error(`.env: KEYCLOAK_VERSION must be a Keycloak 26.x.y version, found ${JSON.stringify(v)}`);
  return v;
})();

export const officialImage = `quay.io/keycloak/keycloak:${keycloakVersion}`;

/** The image scripts/image/build-keycloak-image.sh builds where no registry is reachable. */
export const localImage = `${pinned.KEYCLOAK_LOCAL_IMAGE ?? "localhost/kc-assurance/keycloak"}:${keycloakVersion}`;

/** PostgreSQL of the cluster topology: the official image, or the one scripts/image/build-postgres-image.sh builds. */
const postgresVersion = pinned.POSTGRES_VERSION ?? "15";
export const officialPostgresImage = `docker.io/library/postgres:${postgresVersion}`;
export const localPostgresImage = `${pinned.POSTGRES_LOCAL_IMAGE ?? "localhost/kc-assurance/postgres"}:${postgresVersion}`;
