// The one Keycloak of a test run. Never skips: if Keycloak cannot start, the run fails here.
import { KeycloakLauncher, type RunningKeycloak } from "../../scripts/keycloak/launcher.js";
import { ENV_ADMIN_PASSWORD, ENV_ADMIN_USER, ENV_HOST_FROM_SERVER, ENV_SELF_URL, ENV_URL } from "./server.js";
import { providerJars } from "../../scripts/keycloak/provider-jars.js";

// On globalThis: setup and teardown each load this module afresh (tsx), in the same process.
declare global {
  var __kcAssuranceTestServer: RunningKeycloak | undefined;
}

export async function startSession(): Promise<void> {
  const began = Date.now();
  const running = await new KeycloakLauncher().withProviders(providerJars()).start();
  globalThis.__kcAssuranceTestServer = running;
  process.env[ENV_URL] = running.baseUrl;
  process.env[ENV_SELF_URL] = running.selfUrl;
  process.env[ENV_HOST_FROM_SERVER] = running.hostFromServer;
  process.env[ENV_ADMIN_USER] = running.admin.username;
  process.env[ENV_ADMIN_PASSWORD] = running.admin.password;
  const how = running.owned ? `${running.image}, started in ${((Date.now() - began) / 1000).toFixed(1)} s` : "from KEYCLOAK_URL";
  process.stderr.write(`\nKeycloak ${running.version} at ${running.baseUrl} (${how})\n`);
}

export async function stopSession(): Promise<void> {
  await globalThis.__kcAssuranceTestServer?.stop();
  globalThis.__kcAssuranceTestServer = undefined;
}
