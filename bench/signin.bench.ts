// `npm run bench -- signin`: what our flows cost per sign-in. Password + TOTP through a realm
// provisioned by our apply (Tier 1: level 2 by TOTP) against the same sign-in through Keycloak's
// stock browser flow (conditional OTP), on one server, same theme, same users' setup, alternating
// rounds so both see the same machine. HTTP-level client (bench/signin/http-sign-in.ts), no browser.
// A third realm, ours with its browser flow bound back to Keycloak's, separates what our flow costs from
// what our realm settings (events saved, brute-force detection) cost. Goal: ours at 0.9 of the stock
// flow's throughput on the same realm settings, or better.
// BENCH_SIGNIN_SECONDS (per round, default 10), BENCH_SIGNIN_ROUNDS (3), BENCH_SIGNIN_CONCURRENCY (8).
// BENCH_SIGNIN_CLUSTER=1: the same on the cluster (PostgreSQL and two nodes, scripts/keycloak/cluster.ts),
// every worker's sign-ins alternating between the nodes page by page, as behind a balancer without
// sticky sessions.
import { generateSync } from "otplib";
import { connectAdmin, type AdminClient } from "../provisioning/admin/connect.js";
import { createUserWithPassword, giveTotpApps, joinGroup } from "../provisioning/admin/users.js";
import { applyPolicy } from "../provisioning/converge.js";
import { checkPolicy } from "../provisioning/policy/validate.js";
import { KeycloakCluster } from "../scripts/keycloak/cluster.js";
import { KeycloakLauncher } from "../scripts/keycloak/launcher.js";
import { providerJars } from "../scripts/keycloak/provider-jars.js";
import { signInOverHttp, type Answers, type SignInTarget } from "./signin/http-sign-in.js";

const REDIRECT = "http://bench.invalid/callback";
const CLIENT = "bench-app";
const POLICY = `version: 1
theme: kc-assurance
levels:
  - { name: loa1, acr: ["urn:bench:loa:1"], factors: [password], maxAge: 10h }
  - { name: loa2, acr: ["urn:bench:loa:2"], factors: [totp], maxAge: 1h }
factors:
  password: {}
  totp: { codeReuse: true }
tiers:
  - { tier: 1, name: staff, group: staff, level: loa2, require: [totp] }
clients:
  - { clientId: ${CLIENT}, redirectUris: ["${REDIRECT}"] }
`;

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

interface Flow {
  readonly name: string;
  readonly target: SignInTarget;
  readonly users: readonly Answers[];
  readonly latencies: number[];
  seconds: number;
  /** Total milliseconds and count per step, across the measured sign-ins. */
  readonly steps: Map<string, { ms: number; n: number }>;
}

/** Users with a password and one authenticator app (codes reusable in both realms: each user signs in many times a period). */
async function makeUsers(admin: AdminClient, realm: string, count: number, group?: string): Promise<Answers[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const user = await createUserWithPassword(admin, realm, `bench-${i}`);
      if (group) await joinGroup(admin, realm, user.id, group);
      const [secret] = await giveTotpApps(admin, realm, user.id, ["Phone"]);
      return { username: user.username, password: user.password, otp: () => generateSync({ secret: secret!.shown }) };
    }),
  );
}

async function stockRealm(admin: AdminClient, realm: string): Promise<void> {
  await admin.realms.create({ realm, enabled: true });
  // Keycloak sets the OTP policy only from the whole of it (as apply sends it), not from one field.
  const current = await admin.realms.findOne({ realm });
  await admin.realms.update({ realm }, { ...current, loginTheme: "kc-assurance", otpPolicyCodeReusable: true });
  await admin.clients.create({ realm, clientId: CLIENT, publicClient: true, standardFlowEnabled: true, redirectUris: [REDIRECT], attributes: { "pkce.code.challenge.method": "S256" } });
}

/** `concurrency` workers sign in for `seconds`, each with its own users in turn. */
async function round(flow: Flow, seconds: number, concurrency: number): Promise<void> {
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let n = 0; performance.now() < end; n++) {
        const user = flow.users[(w + n * concurrency) % flow.users.length]!;
        const t0 = performance.now();
        for (const { step, ms } of (await signInOverHttp(flow.target, user)).steps) {
          const sum = flow.steps.get(step) ?? { ms: 0, n: 0 };
          flow.steps.set(step, { ms: sum.ms + ms, n: sum.n + 1 });
        }
        flow.latencies.push(performance.now() - t0);
      }
    }),
  );
  flow.seconds += (performance.now() - started) / 1000;
}

/** One server (the launcher's), or with BENCH_SIGNIN_CLUSTER=1 the cluster's nodes. */
async function servers(): Promise<{ baseUrl: string; admin: { username: string; password: string }; spreadOver?: string[]; where: string; stop(): Promise<void> }> {
  if (process.env.BENCH_SIGNIN_CLUSTER === "1") {
    const cluster = await new KeycloakCluster().withProviders(providerJars()).start();
    const urls = cluster.nodes.map((n) => n.baseUrl);
    return { baseUrl: urls[0]!, admin: cluster.admin, spreadOver: urls, where: `a cluster of ${urls.length} nodes on PostgreSQL, requests spread over them in turn`, stop: () => cluster.stop() };
  }
  const kc = await new KeycloakLauncher().withProviders(providerJars()).start();
  return { baseUrl: kc.baseUrl, admin: kc.admin, where: `Keycloak at ${kc.baseUrl}`, stop: () => kc.stop() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export default async function bench(): Promise<void> {
  const seconds = env("BENCH_SIGNIN_SECONDS", 10);
  const rounds = env("BENCH_SIGNIN_ROUNDS", 3);
  const concurrency = env("BENCH_SIGNIN_CONCURRENCY", 8);
  const r = checkPolicy("bench policy", POLICY);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  const kc = await servers();
  const stamp = Date.now().toString(36);
  const realms = { stock: `bench-stock-${stamp}`, stockFlow: `bench-stock-flow-${stamp}`, ours: `bench-ours-${stamp}` };
  const admin = await connectAdmin(kc.baseUrl, { kind: "password", ...kc.admin });
  try {
    await stockRealm(admin, realms.stock);
    await admin.realms.create({ realm: realms.ours, enabled: true });
    await applyPolicy(admin, r.policy, realms.ours);
    await admin.realms.create({ realm: realms.stockFlow, enabled: true });
    await applyPolicy(admin, r.policy, realms.stockFlow);
    // The same realm as ours (events saved, brute-force detection, OTP policy, theme), only bound
    // to Keycloak's own browser flow: the difference to ours is what our flow costs.
    await admin.realms.update({ realm: realms.stockFlow }, { browserFlow: "browser" });
    const userCount = concurrency * 2;
    const measured = async (name: string, realm: string, group?: string): Promise<Flow> => ({
      name, target: { baseUrl: kc.baseUrl, spreadOver: kc.spreadOver, realm, clientId: CLIENT, redirectUri: REDIRECT }, users: await makeUsers(admin, realm, userCount, group), latencies: [], seconds: 0, steps: new Map(),
    });
    const flows: Flow[] = [
      await measured("stock flow, stock realm", realms.stock),
      await measured("stock flow, our realm settings", realms.stockFlow, "staff"),
      await measured("ours, Tier 1", realms.ours, "staff"),
    ];
    // Warm-up: every user once (first sign-ins load caches and compile templates), not counted.
    for (const flow of flows) await Promise.all(flow.users.map((u) => signInOverHttp(flow.target, u)));
    for (let i = 0; i < rounds; i++) for (const flow of i % 2 ? [...flows].reverse() : flows) await round(flow, seconds, concurrency);

    console.log(`password + TOTP sign-ins over HTTP (token redeemed), ${concurrency} at once, ${rounds} alternating rounds of ${seconds} s per flow, ${kc.where}`);
    console.log(`${"flow".padEnd(30)} ${"sign-ins/s".padStart(10)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  mean ms per request`);
    const rate = (f: Flow) => f.latencies.length / f.seconds;
    for (const f of flows) {
      const sorted = [...f.latencies].sort((a, b) => a - b);
      const steps = [...f.steps].map(([step, { ms, n }]) => `${step} ${(ms / n).toFixed(0)}`).join(", ");
      console.log(`${f.name.padEnd(30)} ${rate(f).toFixed(1).padStart(10)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 95).toFixed(0).padStart(8)}  ${steps}`);
    }
    const [stock, stockFlow, ours] = flows.map(rate) as [number, number, number];
    const ratio = ours / stockFlow;
    console.log(`ours / stock flow on the same realm settings: ${ratio.toFixed(2)} (goal: 0.90 or more)${ratio < 0.9 ? "  BELOW" : ""}`);
    console.log(`ours / stock flow on a stock realm: ${(ours / stock).toFixed(2)} (the realm settings' share: ${(stockFlow / stock).toFixed(2)})`);
  } finally {
    for (const realm of Object.values(realms)) await admin.realms.del({ realm }).catch(() => {});
    await kc.stop();
  }
}
