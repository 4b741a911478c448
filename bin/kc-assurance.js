#!/usr/bin/env node
// The kc-assurance command in the repository: its TypeScript entry (provisioning/cli/bin.ts) through
// tsx, so that no build is needed. The kc-assurance package's bin is the compiled one.
import { tsImport } from "tsx/esm/api";

await tsImport("../provisioning/cli/bin.ts", import.meta.url);
