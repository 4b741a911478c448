#!/usr/bin/env node
// Entry point of the kc-assurance CLI; the TypeScript sources run through tsx.
import { tsImport } from "tsx/esm/api";

const { run } = await tsImport("../provisioning/cli/main.ts", import.meta.url);
process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
});
