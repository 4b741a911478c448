// `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line) and
// prints their figures. Timing goals live here, never in tests.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) throw new Error(`no benchmark matches ${wanted.join(", ") || "bench/*.bench.ts"}`);
for (const file of files) {
  process.stdout.write(`\n## ${file}\n`);
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: () => Promise<void> };
  await mod.default();
}
