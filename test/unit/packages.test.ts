// What the npm packages promise, checked on the sources: in the repository every module finds every
// dependency (the workspace hoists them all), so a missing or needless one shows only once packed.
// test/keycloak/packages.test.ts installs the packed tarballs and runs them.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { run } from "../../provisioning/cli/main.js";
import { repoRoot } from "../../scripts/keycloak/version.js";
import { runCommand } from "../support/packages.js";

interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const manifest = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8")) as Manifest;

function sources(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.split("/").includes("dist") && !skip(f));
}

/** The packages a module loads at run time: bare specifiers of its imports, type-only ones left out. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"([^"]+)"|import\("([^"]+)"\)/gm)) {
    const specifier = m[3] ?? m[4]!;
    if (m[2] || specifier.startsWith(".")) continue;
    found.push(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
  }
  return found;
}

const isBuiltin = (name: string) => name.startsWith("node:") || builtinModules.includes(name);

describe("the npm packages", () => {
  it("carry the pack's version, as do the theme and the Keycloak provider (the release jars are named with it)", () => {
    const version = manifest("package.json").version;
    expect(manifest("guard/package.json").version).toBe(version);
    expect(manifest("provisioning/package.json").version).toBe(version);
    expect(manifest("theme/package.json").version).toBe(version);
    const pom = readFileSync(join(repoRoot, "extensions/pom.xml"), "utf8");
    expect(/<artifactId>kc-assurance-extensions<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1]).toBe(version);
  });

  it("kc-assurance-guard loads nothing but Node's own modules; Express and Fastify are optional peers, for types only", () => {
    const guard = manifest("guard/package.json");
    expect(guard.dependencies ?? {}).toEqual({});
    for (const peer of Object.keys(guard.peerDependencies ?? {})) expect(guard.peerDependenciesMeta?.[peer]?.optional).toBe(true);
    const published = sources("guard", (f) => f.startsWith("guard/examples/"));
    expect(published.length).toBeGreaterThan(10);
    for (const file of published) expect({ file, imports: runtimeImports(file).filter((m) => !isBuiltin(m)) }).toEqual({ file, imports: [] });
  });

  it("kc-assurance declares every package its modules load, and no other", () => {
    const declared = Object.keys(manifest("provisioning/package.json").dependencies ?? {}).sort();
    const used = new Set<string>();
    // The guard's modules it compiles in (provisioning/tsconfig.build.json) load only Node's, as above.
    for (const file of sources("provisioning")) {
      for (const m of runtimeImports(file)) if (!isBuiltin(m)) used.add(m);
    }
    expect([...used].sort()).toEqual(declared);
  });

  it("pin what they share with the repository's own tooling at the same versions (one copy installed)", () => {
    const root = manifest("package.json");
    const repository = { ...root.dependencies, ...root.devDependencies };
    for (const pkg of ["guard/package.json", "provisioning/package.json"]) {
      for (const [name, version] of Object.entries(manifest(pkg).dependencies ?? {})) {
        if (repository[name]) expect({ pkg, name, version }).toEqual({ pkg, name, version: repository[name] });
      }
    }
  });

  it("kc-assurance --help loads no package but commander: the others wait for the command that needs them", async () => {
    // A module hook in the CLI's process reports every module resolved inside node_modules.
    const hooks = `export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes("/node_modules/")) process.stderr.write("LOADED " + r.url + "\\n"); return r; }`;
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const cli = await runCommand(process.execPath, ["--import", "tsx/esm", "--import", `data:text/javascript,${encodeURIComponent(register)}`, "provisioning/cli/bin.ts", "--help"], { cwd: repoRoot });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("Usage: kc-assurance");
    const loaded = new Set([...cli.stderr.matchAll(/^LOADED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]));
    expect([...loaded]).toEqual(["commander"]);
  });

  it("kc-assurance --version prints its package's version", async () => {
    const out: string[] = [];
    expect(await run(["--version"], { out: (s) => void out.push(s), err: (s) => void out.push(s), env: {} })).toBe(0);
    expect(out.join("")).toBe(`${manifest("provisioning/package.json").version}\n`);
  });
});
