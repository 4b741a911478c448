// `npm run bench -- signin`: what our flows cost per sign-in. Password + TOTP through a realm
// provisioned by our apply (Tier 1: level 2 by TOTP) against the same sign-in through Keycloak's
// stock browser flow (conditional OTP), on one server, same theme, same users' setup, alternating
// rounds so both see the same machine. HTTP-level client (bench/signin/http-sign-in.ts), no browser.
// Goal: ours at 0.9 of the stock flow's throughput or better.
// BENCH_SIGNIN_SECONDS (per round, default 10), BENCH_SIGNIN_ROUNDS (3), BENCH_SIGNIN_CONCURRENCY (8).
import { generateSync } from "otplib";
import { connectAdmin, type AdminClient } from "../provisioning/admin/connect.js";
import { createUserWithPassword, giveTotpApps, joinGroup } from "../provisioning/admin/users.js";
import { applyPolicy } from "../provisioning/converge.js";
import { checkPolicy } from "../provisioning/policy/validate.js";
import { KeycloakLauncher } from "../scripts/keycloak/launcher.js";
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
        for (const { step, ms } of await signInOverHttp(flow.target, user)) {
          const sum = flow.steps.get(step) ?? { ms: 0, n: 0 };
          flow.steps.set(step, { ms: sum.ms + ms, n: sum.n + 1 });
        }
        flow.latencies.push(performance.now() - t0);
      }
    }),
  );
  flow.seconds += (performance.now() - started) / 1000;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export default async function bench(): Promise<void> {
  const seconds = env("BENCH_SIGNIN_SECONDS", 10);
  const rounds = env("BENCH_SIGNIN_ROUNDS", 3);
  const concurrency = env("BENCH_SIGNIN_CONCURRENCY", 8);
  const r = checkPolicy("bench policy", POLICY);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  const kc = await new KeycloakLauncher().start();
  const stamp = Date.now().toString(36);
  const realms = { stock: `bench-stock-${stamp}`, ours: `bench-ours-${stamp}` };
  const admin = await connectAdmin(kc.baseUrl, { kind: "password", ...kc.admin });
  try {
    await stockRealm(admin, realms.stock);
    await admin.realms.create({ realm: realms.ours, enabled: true });
    await applyPolicy(admin, r.policy, realms.ours);
    const userCount = concurrency * 2;
    const flows: Flow[] = [
      { name: "Keycloak's browser flow", target: { baseUrl: kc.baseUrl, realm: realms.stock, clientId: CLIENT, redirectUri: REDIRECT }, users: await makeUsers(admin, realms.stock, userCount), latencies: [], seconds: 0, steps: new Map() },
      { name: "ours, Tier 1 (kc-assurance)", target: { baseUrl: kc.baseUrl, realm: realms.ours, clientId: CLIENT, redirectUri: REDIRECT }, users: await makeUsers(admin, realms.ours, userCount, "staff"), latencies: [], seconds: 0, steps: new Map() },
    ];
    // Warm-up: every user once (first sign-ins load caches and compile templates), not counted.
    for (const flow of flows) await Promise.all(flow.users.map((u) => signInOverHttp(flow.target, u)));
    for (let i = 0; i < rounds; i++) for (const flow of i % 2 ? [...flows].reverse() : flows) await round(flow, seconds, concurrency);

    console.log(`password + TOTP sign-ins over HTTP (token redeemed), ${concurrency} at once, ${rounds} alternating rounds of ${seconds} s per flow, Keycloak at ${kc.baseUrl}`);
    console.log(`${"flow".padEnd(30)} ${"sign-ins/s".padStart(10)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  mean ms per request`);
    const rate = (f: Flow) => f.latencies.length / f.seconds;
    for (const f of flows) {
      const sorted = [...f.latencies].sort((a, b) => a - b);
      const steps = [...f.steps].map(([step, { ms, n }]) => `${step} ${(ms / n).toFixed(0)}`).join(", ");
      console.log(`${f.name.padEnd(30)} ${rate(f).toFixed(1).padStart(10)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 95).toFixed(0).padStart(8)}  ${steps}`);
    }
    const ratio = rate(flows[1]!) / rate(flows[0]!);
    console.log(`ours / stock throughput: ${ratio.toFixed(2)} (goal: 0.90 or more)${ratio < 0.9 ? "  BELOW" : ""}`);
  } finally {
    for (const realm of Object.values(realms)) await admin.realms.del({ realm }).catch(() => {});
    await kc.stop();
  }
}
