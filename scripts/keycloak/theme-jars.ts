// Theme jars the test Keycloak loads, when they have been built (`npm run build`).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./version.js";

export function themeJars(): string[] {
  const dir = join(repoRoot, "theme", "dist_keycloak");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".jar")).map((f) => join(dir, f));
}
