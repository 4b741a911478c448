// Differential test of route matching: many differently written request targets go through real
// Express, real Fastify and the fetch adapter, and whenever a route's handler runs, the guard must
// have applied that route's rule. Each route has a rule with a role of its own, and the token holds
// every role, so the guard lets through whatever it matched; the handlers report the rules it
// applied. Targets are sent as raw request lines over sockets: fetch would normalise them.
import net from "node:net";
import type { AddressInfo } from "node:net";
import express from "express";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import fc from "fast-check";
import { expressGuard } from "../../../guard/adapters/express.js";
import { fastifyGuard } from "../../../guard/adapters/fastify.js";
import { withGuard, type Authorized, type Guard, type GuardPolicy } from "../../../guard/index.js";
import { guardPolicyFrom } from "../../../guard/examples/policy-file.js";
import { accessToken, AUDIENCE, bearer, NOW_S, POLICY, realm } from "./fixture.js";

interface Route {
  readonly method: "GET" | "POST";
  /** The guard's rule, as the policy names it. */
  readonly rule: string;
  readonly express: string;
  readonly fastify: string;
  /** A request path this route serves, by segment. */
  readonly sample: readonly string[];
}

const ROUTES: readonly Route[] = [
  { method: "GET", rule: "/api/orders", express: "/api/orders", fastify: "/api/orders", sample: ["api", "orders"] },
  { method: "GET", rule: "/api/orders/{id}", express: "/api/orders/:id", fastify: "/api/orders/:id", sample: ["api", "orders", "42"] },
  { method: "POST", rule: "/api/orders/{id}/refund", express: "/api/orders/:id/refund", fastify: "/api/orders/:id/refund", sample: ["api", "orders", "42", "refund"] },
  {
    method: "POST",
    rule: "/api/identity/admin/users/{id}/mfa-reset",
    express: "/api/identity/admin/users/:id/mfa-reset",
    fastify: "/api/identity/admin/users/:id/mfa-reset",
    sample: ["api", "identity", "admin", "users", "8f1c", "mfa-reset"],
  },
  { method: "GET", rule: "/api/files/**", express: "/api/files/*rest", fastify: "/api/files/*", sample: ["api", "files", "reports", "q1.pdf"] },
  { method: "POST", rule: "/v1/payments/{id}/approve", express: "/v1/payments/:id/approve", fastify: "/v1/payments/:id/approve", sample: ["v1", "payments", "7", "approve"] },
];

const roleOf = (route: Route) => `route-${ROUTES.indexOf(route)}`;
const policy: GuardPolicy = {
  ...POLICY,
  routes: ROUTES.map((r) => ({ method: r.method, path: r.rule, roles: [roleOf(r)], ...(r.rule.includes("admin") ? { level: "loa3", amr: ["hwk"] } : {}) })),
};
// Holds every role and the highest level: the guard lets it through wherever it matched anything.
const everything = bearer(accessToken({ acr: "urn:example:loa:3", amr: ["pwd", "hwk"], auth_time: NOW_S - 10, realm_access: { roles: ROUTES.map(roleOf) } }));

/** What a handler reports: its own rule and the rules the guard applied. */
const report = (route: Route, auth: Authorized | undefined): Record<string, string> => ({
  "x-route": route.rule,
  "x-rules": JSON.stringify((auth?.rules ?? []).map((r) => r.path)),
});

/** Express with the guard for the whole app and one route in a mounted router. */
function expressApp(guard: Guard): express.Express {
  const app = express();
  app.use(expressGuard(guard));
  const identity = express.Router();
  for (const route of ROUTES) {
    const handler: express.RequestHandler = (_req, res) => void res.set(report(route, res.locals.auth as Authorized)).json({});
    const [router, path] = route.express.startsWith("/api/identity/") ? [identity, route.express.slice("/api/identity".length)] : [app, route.express];
    if (route.method === "GET") router.get(path, handler);
    else router.post(path, handler);
  }
  app.use("/api/identity", identity);
  return app;
}

/** Express with the guard inside routers mounted at /api and /v1: rules name full paths all the same. */
function mountedExpressApp(guard: Guard): express.Express {
  const app = express();
  for (const mount of ["/api", "/v1"]) {
    const router = express.Router();
    router.use(expressGuard(guard));
    for (const route of ROUTES.filter((r) => r.express.startsWith(`${mount}/`))) {
      const handler: express.RequestHandler = (_req, res) => void res.set(report(route, res.locals.auth as Authorized)).json({});
      if (route.method === "GET") router.get(route.express.slice(mount.length), handler);
      else router.post(route.express.slice(mount.length), handler);
    }
    app.use(mount, router);
  }
  return app;
}

async function fastifyApp(guard: Guard, options: FastifyServerOptions): Promise<FastifyInstance> {
  const app = Fastify(options);
  await app.register(fastifyGuard(guard));
  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.fastify,
      handler: async (request, reply) => {
        void reply.headers(report(route, request.auth));
        return {};
      },
    });
  }
  return app;
}

interface Server {
  readonly name: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts an Express or Fastify app on a free local port. */
async function serve(name: string, app: express.Express | FastifyInstance): Promise<Server> {
  if ("server" in app) {
    await app.listen({ port: 0, host: "127.0.0.1" });
    return { name, port: (app.server.address() as AddressInfo).port, close: () => app.close() };
  }
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { name, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * A handler-side router for the fetch adapter, as lenient as routers come: it routes on the
 * URL's pathname, case-insensitively, decoding each segment, with or without a trailing slash.
 */
function fetchHandler(guard: Guard): (request: Request) => Promise<Response> {
  const segmentsOf = (path: string) => path.split("/").slice(1);
  return withGuard(guard, (request, auth) => {
    const actual = segmentsOf(new URL(request.url).pathname);
    if (actual.length > 1 && actual.at(-1) === "") actual.pop();
    const decoded = actual.map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return undefined;
      }
    });
    const route = ROUTES.find((r) => {
      if (r.method !== request.method && !(request.method === "HEAD" && r.method === "GET")) return false;
      const pattern = segmentsOf(r.rule);
      return pattern.every((p, i) => p === "**" || (decoded[i] !== undefined && (p.startsWith("{") ? decoded[i] !== "" : p === decoded[i])))
        && (pattern.at(-1) === "**" ? decoded.length >= pattern.length - 1 : decoded.length === pattern.length);
    });
    return route ? new Response("{}", { headers: report(route, auth) }) : new Response("not found", { status: 404 });
  });
}

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** One request over its own connection, the request line exactly as given. */
function send(port: number, method: string, target: string, authorization = everything): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const head = Buffer.concat(chunks).toString("latin1").split("\r\n\r\n")[0] ?? "";
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers });
    });
    socket.end(`${method} ${target} HTTP/1.1\r\nHost: api.test\r\nAuthorization: ${authorization}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}

async function viaFetch(handler: (request: Request) => Promise<Response>, method: string, target: string): Promise<Answer | undefined> {
  let request: Request;
  try {
    request = new Request(new URL(target, "http://api.test"), { method, headers: { authorization: everything } });
  } catch {
    return undefined; // no Request can carry it
  }
  const res = await handler(request);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name] = value));
  return { status: res.status, headers };
}

/** Why the answer breaks the invariant, or undefined: a handler ran without its route's rule. */
function violation(answer: Answer | undefined): string | undefined {
  if (answer === undefined) return undefined;
  if (answer.status >= 500) return `status ${answer.status}`;
  const route = answer.headers["x-route"];
  if (route === undefined) return undefined;
  const rules = JSON.parse(answer.headers["x-rules"] ?? "[]") as string[];
  return rules.includes(route) ? undefined : `the handler of ${route} ran with the rules ${JSON.stringify(rules)}`;
}

// How a request target can be written differently from the plain path. Each generator keeps the
// route's segments recognisable, so that frameworks still route many of the variants.
const hex = (code: number, lower: boolean) => `%${code.toString(16).padStart(2, "0")[lower ? "toLowerCase" : "toUpperCase"]()}`;
const utf8 = (text: string) => [...Buffer.from(text, "utf8")].map((b) => hex(b, false)).join("");
const at = (s: string, i: number) => i % Math.max(s.length, 1);
const LOOKALIKES: Readonly<Record<string, string>> = { k: "\u212a", s: "\u017f", i: "\u0131", a: "\uff41", e: "\u0435", "-": "\u2010" };

const segmentVariant = (s: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(s) },
    { weight: 2, arbitrary: fc.constantFrom(s.toUpperCase(), s[0]!.toUpperCase() + s.slice(1)) },
    { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([i, lower]) => s.slice(0, at(s, i)) + hex(s.charCodeAt(at(s, i)), lower) + s.slice(at(s, i) + 1)) },
    { weight: 1, arbitrary: fc.constant([...s].map((c) => hex(c.charCodeAt(0), false)).join("")) },
    { weight: 1, arbitrary: fc.nat().map((i) => s.slice(0, at(s, i)) + `%25${s.charCodeAt(at(s, i)).toString(16)}` + s.slice(at(s, i) + 1)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.boolean(), fc.boolean()).map(([encoded, first]) => {
        const i = [...s].findIndex((c) => LOOKALIKES[c.toLowerCase()] !== undefined);
        if (i === -1) return s;
        const look = LOOKALIKES[s[i]!.toLowerCase()]!;
        return (first ? "" : s.slice(0, i)) + (encoded ? utf8(look) : look) + s.slice(i + 1);
      }),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(";", ";x=1", ";jsessionid=1", "%3B", "%3b.", ".", "%2e", "%00", "%20", "%09", "%0a", "%2F", "%2f", "%5C", "\\", "%23", "%3F", "~", "%C0%AF", "%E0%80%AE", "%u002f", "%", "%2", "%zz")
        .chain((extra) => fc.constantFrom(s + extra, extra + s)),
    },
    { weight: 1, arbitrary: fc.constantFrom("", ".", "..", "%2e", "%2E%2e", ".%2e", "%2e.", "..%2f", "..;", "...") },
  );

const separator = fc.oneof(
  { weight: 12, arbitrary: fc.constant("/") },
  { weight: 1, arbitrary: fc.constantFrom("//", "///", "\\", "/\\", "%2F", "%2f", "%5C", "%5c", "%252F") },
  { weight: 1, arbitrary: fc.constantFrom("/./", "/%2e/", "/%2E/", "/x/../", "/x/%2e%2e/", "/x/..%2F", "/x/..\\", "/.;/", "/;/", "/x;/../", "/%2e%2e/x/") },
);

const prefix = fc.oneof(
  { weight: 8, arbitrary: fc.constant("") },
  {
    weight: 2,
    arbitrary: fc.constantFrom("http://api.test", "HTTP://api.test", "https://api.test:443", "hTTp://x", "//api.test", "http://api.test:80", "http://u@api.test", "http://api.test?", "*", "\\", "/."),
  },
);

const suffix = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  {
    weight: 3,
    arbitrary: fc.constantFrom("/", "//", "?", "?q=1", "?a=/../../x", "#", "#frag", "?#", "#/../x", "?x#y", ";", ";a=b", ";/", "/.", "/..", "/%2e", "%20", "%00", "\\", "/\\", "%2F", "?%2F"),
  },
);

interface Probe {
  readonly method: string;
  readonly target: string;
}

const probe: fc.Arbitrary<Probe> = fc
  .constantFrom(...ROUTES)
  .chain((route) =>
    fc.record({
      method: route.method === "GET" ? fc.constantFrom("GET", "GET", "HEAD") : fc.constant(route.method),
      prefix,
      segments: fc.tuple(...route.sample.map(segmentVariant)),
      separators: fc.array(separator, { minLength: route.sample.length, maxLength: route.sample.length }),
      suffix,
      // Some clients and proxies write every separator as a backslash.
      backslashes: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  )
  .map(({ method, prefix, segments, separators, suffix, backslashes }) => {
    const path = segments.map((s, i) => separators[i] + s).join("");
    return { method, target: prefix + (backslashes ? path[0] + path.slice(1).replaceAll("/", "\\") : path) + suffix };
  });

// The three targets of the issue, the empty trailing parameter Fastify routes, and plain controls.
const EXAMPLES: readonly Probe[] = [
  { method: "POST", target: "http://api.test/api/identity/admin/users/8f1c/mfa-reset" },
  { method: "POST", target: "/api\\identity\\admin\\users\\8f1c\\mfa-reset#" },
  { method: "POST", target: "/v1\\payments\\7\\approve#" },
  { method: "GET", target: "/api\\orders\\42?#" },
  { method: "POST", target: "/v1/payments//approve" },
  { method: "GET", target: "/api/orders/" },
  { method: "GET", target: "/api/files/" },
  { method: "POST", target: "/api/identity/admin/users/8f1c/mfa-reset#x" },
  { method: "POST", target: "/api/identity/admin/users/8f1c/mfa-reset?#" },
  { method: "POST", target: "/API/Identity/admin/users/8f1c/MFA-RESET" },
];

const NUM_RUNS = 500;

describe.each([
  ["unmatched: allow", { unmatched: "allow" as const }],
  ["unmatched: authenticate (the default)", {}],
])("route confusion, %s", (_name, options) => {
  const guard = realm({ policy, ...options }).guard;
  const servers: Server[] = [];
  const fetchApp = fetchHandler(guard);

  beforeAll(async () => {
    const lenient = { routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, caseSensitive: false, useSemicolonDelimiter: true } };
    servers.push(
      await serve("express", expressApp(guard)),
      await serve("express (mounted guard)", mountedExpressApp(guard)),
      await serve("fastify", await fastifyApp(guard, {})),
      await serve("fastify (lenient router options)", await fastifyApp(guard, lenient)),
    );
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  /** Every framework's verdict on one target: the violations, and which frameworks ran a handler. */
  async function check({ method, target }: Probe): Promise<{ violations: string[]; handled: string[] }> {
    const answers = await Promise.all([
      ...servers.map(async (s) => [s.name, await send(s.port, method, target)] as const),
      (async () => ["fetch", await viaFetch(fetchApp, method, target)] as const)(),
    ]);
    if (process.env.DEBUG_RC) console.log(method, target, JSON.stringify(answers.map(([n, a]) => [n, a?.status, a?.headers["x-route"], a?.headers["x-rules"]])));
    return {
      violations: answers.flatMap(([name, answer]) => {
        const v = violation(answer);
        return v ? [`${name}: ${v}`] : [];
      }),
      handled: answers.filter(([, a]) => a?.headers["x-route"] !== undefined).map(([name]) => name),
    };
  }

  it("serves the plain paths, with each route's rule applied (control)", async () => {
    for (const route of ROUTES) {
      const { violations, handled } = await check({ method: route.method, target: `/${route.sample.join("/")}` });
      expect(violations).toEqual([]);
      expect(handled).toHaveLength(servers.length + 1);
    }
  });

  it.each(EXAMPLES)("applies the route's rule wherever a handler runs: $method $target", async (example) => {
    expect((await check(example)).violations).toEqual([]);
  });

  it(`applies the route's rule wherever a handler runs, for ${NUM_RUNS} generated targets`, async () => {
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        const { violations } = await check(p);
        if (violations.length) throw new Error(`${p.method} ${p.target}\n  ${violations.join("\n  ")}`);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// The report itself: the guard set up as the README does on policies/example.yaml, and an ordinary
// level-1 token without the admin role, against the level-3 MFA-reset route written three ways.
describe("the report of issue 14", () => {
  const example = guardPolicyFrom("policies/example.yaml");
  const level1 = bearer(accessToken({ acr: "urn:example:loa:1" }));
  const RESET = "/api/identity/admin/users/8f1c/mfa-reset";
  const servers: Server[] = [];

  beforeAll(async () => {
    for (const unmatched of ["authenticate", "deny"] as const) {
      const guard = realm({ policy: { ...example, audience: AUDIENCE }, unmatched }).guard;
      const app = express();
      app.use(expressGuard(guard));
      app.post("/api/identity/admin/users/:id/mfa-reset", (_req, res) => void res.json({ reset: true }));
      const fastify = Fastify();
      await fastify.register(fastifyGuard(guard));
      fastify.post("/api/identity/admin/users/:id/mfa-reset", async () => ({ reset: true }));
      servers.push(await serve(`express, ${unmatched}`, app), await serve(`fastify, ${unmatched}`, fastify));
    }
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  const statuses = async (target: string) => Object.fromEntries(await Promise.all(servers.map(async (s) => [s.name, (await send(s.port, "POST", target, level1)).status] as const)));

  it.each([
    ["an absolute-form target", `http://api.test${RESET}`],
    ["backslashes with a #", `${RESET.replaceAll("/", "\\")}#`.replace("\\", "/")],
    ["an empty segment where the rule has a parameter", "/api/identity/admin/users//mfa-reset"],
  ])("refuses %s with 400 wherever it is routed", async (_name, target) => {
    expect(Object.values(await statuses(target))).toEqual(servers.map(() => 400));
  });

  it("refuses the plain path with 403: the token lacks the admin role (control)", async () => {
    expect(Object.values(await statuses(RESET))).toEqual(servers.map(() => 403));
  });
});
