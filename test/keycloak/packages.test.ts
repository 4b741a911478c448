// The npm packages as users get them: packed, installed into a folder outside the repository (next
// to Express and the types from the registry), and used there against this realm.
// (a) The API of test/support/consumer/api.ts, compiled against the packed declarations (no DOM
//     lib, no Fastify: an Express API needs neither), guards real tokens of the realm; the guard's
//     README examples type-check against the packed packages too.
// (b) `npx kc-assurance`, the compiled bin with no tsx anywhere, validates the example policy and
//     plans it for the realm.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "../../scripts/keycloak/version.js";
import { CLI, cleanEnv, exec, freshFolder, GUARD, installInto, packWorkspaces, pinned, runCommand, type PackedPackage } from "../support/packages.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser, grantRealmRole, type TestUser } from "../support/users.js";

const realm = useFreshRealm("packages");
const AUDIENCE = "example-api"; // policies/example.yaml, api.audience
const EXAMPLES = ["express.ts", "fetch-handler.ts", "policy-file.ts", "spa.ts"]; // fastify.ts needs Fastify, not installed here

let dir: string;
let packed: Map<string, PackedPackage>;
let api: ChildProcess | undefined;
let apiUrl: string;
let alice: TestUser; // no roles
let bob: TestUser; // auth-admin

const compilerOptions = { strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", types: ["node"], skipLibCheck: false };
const tsc = (project: string) => exec(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: dir });
const cli = (args: string[]) =>
  runCommand("npx", ["--no", "--", "kc-assurance", ...args], {
    cwd: dir,
    env: cleanEnv({ KEYCLOAK_URL: realm.server.baseUrl, KEYCLOAK_ADMIN_USERNAME: realm.server.admin.username, KEYCLOAK_ADMIN_PASSWORD: realm.server.admin.password }),
  });

/** Starts the consumer API; resolves with its URL once it listens. */
function startApi(): Promise<string> {
  const child = spawn(process.execPath, ["api.js", "example.yaml", realm.issuer], { cwd: dir, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  api = child;
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the consumer API exited with ${code} before it listened:\n${stderr}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`));
  });
}

/** A client of the realm that hands out tokens by password (enough to get genuine level-1 tokens without a browser). */
async function passwordClient(clientId: string, audience?: string): Promise<void> {
  const { id } = await realm.admin.clients.create({ clientId, publicClient: true, standardFlowEnabled: false, directAccessGrantsEnabled: true });
  if (!audience) return;
  await realm.admin.clients.addProtocolMapper(
    { id },
    { name: `${audience} audience`, protocol: "openid-connect", protocolMapper: "oidc-audience-mapper", config: { "included.custom.audience": audience, "access.token.claim": "true" } },
  );
}

async function accessToken(clientId: string, user: TestUser): Promise<string> {
  const res = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: clientId, username: user.username, password: user.password, scope: "openid" }),
  });
  if (!res.ok) throw new Error(`token for ${user.username} from ${clientId}: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

const call = (method: string, path: string, token?: string) =>
  fetch(`${apiUrl}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  dir = await freshFolder("kca-packages");
  packed = await packWorkspaces(dir);
  await installInto(dir, [packed.get(GUARD)!.file, packed.get(CLI)!.file, pinned("express"), pinned("@types/express"), pinned("@types/node")]);
  await copyFile(join(repoRoot, "test/support/consumer/api.ts"), join(dir, "api.ts"));
  await copyFile(join(repoRoot, "policies/example.yaml"), join(dir, "example.yaml"));
  await mkdir(join(dir, "examples"));
  for (const f of EXAMPLES) await copyFile(join(repoRoot, "guard/examples", f), join(dir, "examples", f));
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, lib: ["ES2023"] }, files: ["api.ts"] }));
  await writeFile(join(dir, "tsconfig.examples.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, lib: ["ES2023", "DOM"], noEmit: true }, include: ["examples/*.ts"] }));

  await passwordClient("orders-app", AUDIENCE);
  await passwordClient("other-app");
  await realm.admin.roles.create({ name: "auth-admin" });
  alice = await createUser(realm, "alice");
  bob = await createUser(realm, "bob");
  await grantRealmRole(realm, bob.id, "auth-admin");
}, 600_000);

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api!.once("exit", resolve));
    api.kill();
    await exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("installed from the packed tarballs, outside the repository", () => {
  it("has what each package promises and nothing of the repository's tooling", async () => {
    expect(existsSync(join(dir, "node_modules", "tsx"))).toBe(false);
    expect(existsSync(join(dir, "node_modules", "fastify"))).toBe(false);
    // The guard: compiled JavaScript and declarations, no sources, no dependencies.
    const guard = join(dir, "node_modules", GUARD);
    expect((JSON.parse(await readFile(join(guard, "package.json"), "utf8")) as { dependencies?: object }).dependencies).toBeUndefined();
    const files = (await readdir(guard, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => f.name);
    expect(files.filter((f) => !/\.(js|d\.ts)$/.test(f)).sort()).toEqual(["README.md", "package.json"]);
    expect(await readFile(join(dir, "node_modules", CLI, "dist/policies/schema.json"), "utf8")).toBe(await readFile(join(repoRoot, "policies/schema.json"), "utf8"));
  });

  it("type-checks a consumer API (Node only, no DOM, no Fastify) and the guard's README examples against the packed types", async () => {
    await tsc("tsconfig.json");
    await tsc("tsconfig.examples.json");
    expect(existsSync(join(dir, "api.js"))).toBe(true);
  }, 300_000);

  it("guards an Express API with real tokens of the realm: the policy's rules, step-up challenges, and refusals", async () => {
    apiUrl = await startApi();
    const aliceToken = await accessToken("orders-app", alice);
    const bobToken = await accessToken("orders-app", bob);

    expect((await call("GET", "/api/orders")).status).toBe(401);

    // A route the policy does not name: any genuine token of the realm and audience.
    const orders = await call("GET", "/api/orders", aliceToken);
    expect(orders.status).toBe(200);
    expect(await orders.json()).toEqual({ path: "/api/orders", sub: alice.id });

    // POST /api/auth/admin/clients: loa2 and the auth-admin role.
    const noRole = await call("POST", "/api/auth/admin/clients", aliceToken);
    expect(noRole.status).toBe(403);
    expect(noRole.headers.get("www-authenticate")).toContain('error="insufficient_scope"');

    const weak = await call("POST", "/api/auth/admin/clients", bobToken);
    expect(weak.status).toBe(401);
    expect(weak.headers.get("www-authenticate")).toContain('error="insufficient_user_authentication"');
    expect(weak.headers.get("www-authenticate")).toContain('acr_values="urn:example:loa:2 ');
    expect(((await weak.json()) as { error: string }).error).toBe("mfa_required");

    // Genuine tokens the API must not take: another client's (no example-api audience), and a forged payload.
    const foreign = await call("GET", "/api/orders", await accessToken("other-app", alice));
    expect(foreign.status).toBe(401);
    expect(foreign.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const [header, , signature] = bobToken.split(".");
    const forgedClaims = { ...JSON.parse(Buffer.from(bobToken.split(".")[1]!, "base64url").toString()), acr: "urn:example:loa:3" };
    const forged = await call("POST", "/api/auth/admin/clients", `${header}.${Buffer.from(JSON.stringify(forgedClaims)).toString("base64url")}.${signature}`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("runs `npx kc-assurance` from its compiled bin: --version, validate, plan against the realm", async () => {
    const version = await cli(["--version"]);
    expect(version).toEqual({ code: 0, stdout: `${packed.get(CLI)!.version}\n`, stderr: "" });

    const valid = await cli(["validate", "example.yaml"]);
    expect(valid).toEqual({ code: 0, stdout: "example.yaml: valid\n", stderr: "" });

    const plan = await cli(["plan", "example.yaml", "--realm", realm.name, "--json", "--detailed-exitcode"]);
    expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 2, stderr: "" });
    const [only, ...others] = (JSON.parse(plan.stdout) as { plans: { realm: string; changes: { kind: string }[] }[] }).plans;
    expect(others).toEqual([]);
    expect(only!.realm).toBe(realm.name);
    expect(only!.changes.length).toBeGreaterThan(0);

    const invalid = await cli(["validate", "missing.yaml"]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("missing.yaml:0:0: (file): cannot read: ENOENT");
  }, 300_000);
});
