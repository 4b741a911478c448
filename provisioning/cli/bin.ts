#!/usr/bin/env node
// The kc-assurance command: the installed package's bin (compiled), and in the repository the
// module bin/kc-assurance.js runs through tsx.
import { run } from "./main.js";

process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
});
