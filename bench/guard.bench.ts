// Token verifications per second on one core with a warm key cache, for RS256 and ES256: the
// guard, raw node:crypto verification of the same tokens (split, decode, crypto.verify, no claim
// checks), the same plus JSON.parse of the payload (the floor for anything that reads the claims),
// and jose's jwtVerify with a local key. The goal: the guard at 0.8 of raw or better.
//
// Time is this process's CPU time, not wall time: the machines are shared, and another process
// taking the core would otherwise count against whichever contender happened to be running. The
// contenders take turns in short rounds and ratios are taken per round, so drift hits all alike.
import { verify, type KeyObject, type VerifyKeyObjectInput } from "node:crypto";
import { jwtVerify } from "jose";
import { createGuard } from "../guard/index.js";
import { keycloakClaims, signWith, testKey, type TestKey } from "../test/support/tokens.js";

const ISSUER = "https://sso.example.test/realms/acme";
const AUDIENCE = "orders-api";
const ROUND_MS = 250;
const ROUNDS = 16;
/** Distinct tokens, as from distinct users; nothing may profit from seeing one token twice. */
const POOL = 64;

type Run = (token: string) => unknown;

/** Raw verification; with `readClaims`, also the payload's JSON.parse, the least any real check must add. */
function rawVerifier(key: TestKey, readClaims = false): Run {
  const input: KeyObject | VerifyKeyObjectInput = key.alg === "ES256" ? { key: key.publicKey, dsaEncoding: "ieee-p1363" } : key.publicKey;
  return (token) => {
    const dot = token.lastIndexOf(".");
    const ok = verify("sha256", Buffer.from(token.slice(0, dot), "latin1"), input, Buffer.from(token.slice(dot + 1), "base64url"));
    return readClaims ? ok && JSON.parse(Buffer.from(token.slice(token.indexOf(".") + 1, dot), "base64url").toString("utf8")) !== null : ok;
  };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Verifications per CPU-second over one round; promises are awaited one by one, as a server would. */
async function round(run: Run, tokens: readonly string[]): Promise<number> {
  let n = 0;
  const start = cpuMs();
  while (cpuMs() - start < ROUND_MS) {
    for (let i = 0; i < 50; i++) {
      const r = run(tokens[(n + i) % tokens.length]!);
      if (r instanceof Promise) await r;
    }
    n += 50;
  }
  return n / ((cpuMs() - start) / 1000);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Figures {
  readonly opsPerSecond: Readonly<Record<string, number>>;
  readonly guardToRaw: number;
  readonly parseToRaw: number;
  readonly joseToRaw: number;
}

async function compare(alg: "RS256" | "ES256"): Promise<Figures> {
  const key = testKey(alg);
  const now = Math.floor(Date.now() / 1000);
  const tokens = Array.from({ length: POOL }, () => signWith(key, { alg, typ: "JWT", kid: key.kid }, keycloakClaims(ISSUER, AUDIENCE, now)));
  const guard = createGuard({
    issuer: ISSUER,
    policy: { levels: [{ name: "loa1", acr: ["urn:example:loa:1"] }], audience: AUDIENCE, routes: [] },
    fetch: async () => Response.json({ keys: [key.jwk] }),
  });
  // Every contender must accept every token, or its figure would be for failing fast.
  const runs: Record<string, Run> = {
    "node:crypto": rawVerifier(key),
    "+parse": rawVerifier(key, true),
    guard: (t) => guard.verify(t),
    jose: (t) => jwtVerify(t, key.publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: [alg] }),
  };
  for (const t of tokens) {
    const g = await guard.verify(t);
    if (!g.ok || runs["node:crypto"]!(t) !== true) throw new Error(`a benchmark token was refused${g.ok ? "" : `: ${g.reason}`}`);
    await runs.jose!(t);
  }
  // Warm-up: lets V8 optimise every path; the guard's key cache is already warm.
  for (const run of Object.values(runs)) await round(run, tokens);

  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [name, run] of Object.entries(runs)) samples[name]!.push(await round(run, tokens));
  const ratio = (name: string) => median(samples[name]!.map((x, i) => x / samples["node:crypto"]![i]!));
  return {
    opsPerSecond: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    guardToRaw: ratio("guard"),
    parseToRaw: ratio("+parse"),
    joseToRaw: ratio("jose"),
  };
}

export default async function guardBench(): Promise<void> {
  process.stdout.write(`token verifications per CPU-second, one core, warm key cache; medians of ${ROUNDS} rounds of ${ROUND_MS} ms each\n`);
  process.stdout.write("(+parse: raw verification plus JSON.parse of the payload, the floor for any verifier that reads the claims)\n");
  process.stdout.write(`${"alg".padEnd(7)}${"guard".padEnd(12)}${"node:crypto".padEnd(13)}${"jose".padEnd(12)}${"guard/raw".padEnd(11)}${"+parse/raw".padEnd(12)}jose/raw\n`);
  for (const alg of ["RS256", "ES256"] as const) {
    const f = await compare(alg);
    const ops = (name: string) => Math.round(f.opsPerSecond[name]!).toString();
    process.stdout.write(`${alg.padEnd(7)}${ops("guard").padEnd(12)}${ops("node:crypto").padEnd(13)}${ops("jose").padEnd(12)}${f.guardToRaw.toFixed(2).padEnd(11)}${f.parseToRaw.toFixed(2).padEnd(12)}${f.joseToRaw.toFixed(2)}\n`);
  }
}
