// The README's code is the code in guard/examples, which tsc checks: the two cannot drift apart.
import { readdirSync, readFileSync } from "node:fs";

const dir = new URL("../../../guard/", import.meta.url);
const readme = readFileSync(new URL("README.md", dir), "utf8");

it.each(readdirSync(new URL("examples/", dir)))("guard/README.md shows examples/%s as it is", (file) => {
  const code = readFileSync(new URL(`examples/${file}`, dir), "utf8").trimEnd();
  expect(readme).toContain("```ts\n" + code + "\n```");
});
