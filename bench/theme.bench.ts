// The TOTP code page (login-otp.ftl) of our theme against Keycloak's built-in login theme, on the
// same server, for the same user at the same step: bytes of JS and CSS the browser loads, and the
// time until the code field is usable. Goals (issue 4): at most half the built-in theme's bytes,
// and no slower to usable.
//
// Both pages are loaded again and again at the same step of one sign-in (a GET of the step's URL
// re-renders its form) with the browser cache cleared before each load, the two themes taking
// turns so that load from other processes on the machine hits both alike. "Usable" is the first
// animation frame in which the code field exists, is rendered and enabled (timed by the page's own
// clock from the start of the navigation): for the built-in page that waits for its stylesheets,
// for ours for the script that draws the form.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";
import { connectAdmin } from "../provisioning/admin/connect.js";
import { totpCredential } from "../provisioning/admin/users.js";
import { KeycloakLauncher } from "../scripts/keycloak/launcher.js";
import { repoRoot } from "../scripts/keycloak/version.js";
import { launchBrowser } from "../test/support/browser.js";

const ROUNDS = 9;
const THEMES = [
  { label: "kc-assurance", loginTheme: "kc-assurance" },
  { label: "Keycloak built-in (keycloak.v2)", loginTheme: "" },
] as const;
const REDIRECT = "http://localhost:9/bench-callback";
const STORED_SECRET = "BENCHSECRETBENCHSECR";

interface Load {
  usableMs: number;
  /** Bytes as served (Content-Length of the encoded body, as Keycloak sends it). */
  servedBytes: number;
  /** The same bodies gzipped (level 9): what a compressing server or proxy would send. */
  gzipBytes: number;
  files: { url: string; raw: number; gzip: number }[];
}

function themeJars(): string[] {
  const dir = join(repoRoot, "theme", "dist_keycloak");
  const jars = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jar")) : [];
  if (jars.length === 0) throw new Error(`no theme jar in ${dir}: run "npm run build" first`);
  return jars.map((f) => join(dir, f));
}

/** Loads the page at `url` with an empty cache; measures time to a usable #otp and JS/CSS bytes. */
async function measure(page: Page, url: string): Promise<Load> {
  // A page behind another gets no animation frames in headless Chromium.
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();
  const pending: Promise<{ url: string; raw: number; gzip: number; served: number } | undefined>[] = [];
  const onResponse = (response: Response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => undefined);
        if (!body) return undefined;
        const sizes = await response.request().sizes();
        return { url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length, served: sizes.responseBodySize };
      })(),
    );
  };
  page.on("response", onResponse);
  // Polled on every animation frame from the moment the response commits; the value is the page's
  // own clock (ms since this navigation started) at the first frame with a usable field.
  await page.goto(url, { waitUntil: "commit" });
  const usable = await page.waitForFunction(
    () => {
      const el = document.getElementById("otp") as HTMLInputElement | null;
      return el && el.checkVisibility() && !el.disabled ? performance.now() : false;
    },
    undefined,
    { polling: "raf", timeout: 15_000 },
  );
  const usableMs = (await usable.jsonValue()) as number;
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const files = (await Promise.all(pending)).filter((f) => f !== undefined);
  return {
    usableMs,
    servedBytes: files.reduce((n, f) => n + f.served, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzip, 0),
    files: files.map(({ url: u, raw, gzip }) => ({ url: new URL(u).pathname, raw, gzip })),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export default async function themeBench(): Promise<void> {
  const kc = await new KeycloakLauncher().withProviders(themeJars()).start();
  const browser = await launchBrowser();
  try {
    const admin = await connectAdmin(kc.baseUrl, { kind: "password", ...kc.admin });
    const urls: string[] = [];
    const pages: Page[] = [];
    for (const [i, theme] of THEMES.entries()) {
      const realm = `bench-theme-${i}`;
      await admin.realms.create({ realm, enabled: true, loginTheme: theme.loginTheme || undefined });
      await admin.clients.create({ realm, clientId: "bench", publicClient: true, redirectUris: [REDIRECT], standardFlowEnabled: true });
      await admin.users.create({
        realm,
        username: "bench",
        enabled: true,
        email: "bench@example.test",
        emailVerified: true,
        firstName: "Bench",
        lastName: "User",
        credentials: [
          { type: "password", value: "bench-password", temporary: false },
          totpCredential("Phone", STORED_SECRET),
        ],
      });
      // Sign in up to the code page once; its URL then re-renders that step on every GET.
      const context = await browser.newContext();
      const page = await context.newPage();
      const auth = new URL(`${kc.baseUrl}/realms/${realm}/protocol/openid-connect/auth`);
      auth.search = new URLSearchParams({ client_id: "bench", redirect_uri: REDIRECT, response_type: "code", scope: "openid" }).toString();
      await page.goto(auth.href);
      await page.fill("#username", "bench");
      await page.fill("#password", "bench-password");
      await page.click("#kc-login");
      await page.waitForSelector("#otp");
      urls.push(page.url());
      pages.push(page);
    }

    const loads: Load[][] = THEMES.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const i of round % 2 ? [1, 0] : [0, 1]) loads[i]!.push(await measure(pages[i]!, urls[i]!));
    }

    const summary = THEMES.map((theme, i) => {
      const runs = loads[i]!;
      // Bytes do not vary between loads; the first load lists them.
      return { theme: theme.label, usableMs: median(runs.map((r) => r.usableMs)), gzip: runs[0]!.gzipBytes, served: runs[0]!.servedBytes, files: runs[0]!.files };
    });
    for (const s of summary) {
      process.stdout.write(`\n${s.theme}: login-otp.ftl\n`);
      for (const f of s.files) process.stdout.write(`  ${f.url}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip\n`);
      process.stdout.write(`  JS+CSS: ${kb(s.gzip)} gzipped, ${kb(s.served)} as served; first usable input: ${s.usableMs.toFixed(0)} ms (median of ${ROUNDS})\n`);
    }
    const [ours, builtIn] = summary as [(typeof summary)[0], (typeof summary)[0]];
    const byteRatio = ours.gzip / builtIn.gzip;
    process.stdout.write(
      `\nbytes (gzip): ${(byteRatio * 100).toFixed(0)} % of the built-in theme (goal <= 50 %): ${byteRatio <= 0.5 ? "met" : "NOT met"}\n` +
        `time to usable: ${ours.usableMs.toFixed(0)} ms vs ${builtIn.usableMs.toFixed(0)} ms (goal: no slower): ${ours.usableMs <= builtIn.usableMs ? "met" : "NOT met"}\n`,
    );
  } finally {
    await browser.close();
    await kc.stop();
  }
}
