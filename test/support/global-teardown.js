import { session } from "./global-setup.js";

export default async function globalTeardown() {
  await (await session()).stopSession();
}
