// The jars every Keycloak we start loads: our providers (required; `npm run build`) and the login
// theme when it has been built.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./version.js";

export const EXTENSIONS_JAR = join(repoRoot, "extensions", "target", "kc-assurance-extensions.jar");

export function providerJars(): string[] {
  if (!existsSync(EXTENSIONS_JAR)) {
    throw new Error(`${EXTENSIONS_JAR} is missing: run "npm run build" (it builds extensions/ with Maven)`);
  }
  const themeDir = join(repoRoot, "theme", "dist_keycloak");
  const themes = existsSync(themeDir) ? readdirSync(themeDir).filter((f) => f.endsWith(".jar")).map((f) => join(themeDir, f)) : [];
  return [EXTENSIONS_JAR, ...themes];
}
