// The main job: a local Keycloak through the launcher, the example policy applied to its demo realm
// with one user per tier, running until Ctrl-C.
import { connectAdmin } from "../provisioning/admin/connect.js";
import { setUpDemo } from "./demo.js";
import { KeycloakLauncher } from "./keycloak/launcher.js";
import { providerJars } from "./keycloak/provider-jars.js";

const kc = await new KeycloakLauncher().withProviders(providerJars()).start();
const admin = await connectAdmin(kc.baseUrl, { kind: "password", ...kc.admin });
const demo = await setUpDemo(admin);
process.stdout.write(
  [
    `Keycloak ${kc.version} is ready${kc.owned ? "" : " (KEYCLOAK_URL)"}.`,
    `  Admin console: ${kc.baseUrl}/admin/   user ${kc.admin.username}, password ${kc.admin.password}`,
    `Realm "${demo.realm}" follows policies/example.yaml. Sign in as a demo user at`,
    `  ${kc.baseUrl}/realms/${demo.realm}/account/`,
    ...demo.users.map((u) => `  tier ${u.tier}: ${u.username.padEnd(12)} password ${u.password}`),
    "(throwaway local credentials, new on every start)",
    kc.owned ? "Press Ctrl-C to stop and remove it." : "",
    "",
  ].join("\n"),
);
if (!kc.owned) process.exit(0);
// The launcher stops the container on SIGINT/SIGTERM; keep the process alive until then.
setInterval(() => {}, 1 << 30);
