// Jest loads global setup outside its module system, so the TypeScript session module is loaded
// through tsx. Setup and teardown run in the same process and share that module's state.
import { tsImport } from "tsx/esm/api";

export const session = () => tsImport("./keycloak-session.ts", import.meta.url);

export default async function globalSetup() {
  await (await session()).startSession();
}
