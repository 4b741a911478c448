// The main job: a local Keycloak through the launcher, running until Ctrl-C.
import { KeycloakLauncher } from "./keycloak/launcher.js";
import { themeJars } from "./keycloak/theme-jars.js";

const kc = await new KeycloakLauncher().withProviders(themeJars()).start();
process.stdout.write(
  [
    `Keycloak ${kc.version} is ready${kc.owned ? "" : " (KEYCLOAK_URL)"}.`,
    `  Admin console: ${kc.baseUrl}/admin/`,
    `  Admin user:    ${kc.admin.username}`,
    `  Password:      ${kc.admin.password}   (bootstrap admin of this throwaway local server)`,
    kc.owned ? "Press Ctrl-C to stop and remove it." : "",
    "",
  ].join("\n"),
);
if (!kc.owned) process.exit(0);
// The launcher stops the container on SIGINT/SIGTERM; keep the process alive until then.
setInterval(() => {}, 1 << 30);
