// Realm set-ups that bring a browser to each page of the login theme through real Keycloak flows,
// and the checks every theme browser test makes (no console errors, a screenshot per page).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { REDIRECT_URI } from "./oidc.js";
import type { FreshRealm } from "./realm.js";
import { createUser, type TestUser } from "./users.js";
import { giveTotpApps } from "../../provisioning/admin/users.js";

export const THEME_NAME = "kc-assurance";
const SCREENSHOTS = join(process.cwd(), "test-results", "screenshots");

export async function useOurTheme(realm: FreshRealm): Promise<void> {
  await realm.admin.realms.update({ realm: realm.name }, { loginTheme: THEME_NAME });
}

/**
 * How the sign-in page asks for a passkey on its own when it opens: "conditional" offers passkeys in
 * the username field's autofill (Keycloak's default), "none" leaves it to the passkey button.
 */
export type PasskeyMediation = "conditional" | "none";

/**
 * Turns on passkeys in the realm's passwordless WebAuthn policy: Keycloak then offers passkey
 * sign-in on its first page (username-password or username form, no extra flow step). A realm
 * update applies that policy only when it names the relying party, and takes every policy field it
 * leaves out from Keycloak's defaults, not the realm's; so the whole policy is sent back.
 */
export async function enablePasskeys(realm: FreshRealm, mediation: PasskeyMediation = "conditional"): Promise<void> {
  const current = await realm.admin.realms.findOne({ realm: realm.name });
  const policy = Object.fromEntries(Object.entries(current ?? {}).filter(([field]) => field.startsWith("webAuthnPolicyPasswordless")));
  // Record: the admin client's RealmRepresentation has no field for the mediation yet.
  const update: Record<string, unknown> = { ...policy, webAuthnPolicyPasswordlessPasskeysEnabled: true, webAuthnPolicyPasswordlessMediation: mediation };
  await realm.admin.realms.update({ realm: realm.name }, update);
}

type Requirement = "ALTERNATIVE" | "DISABLED";
const SECOND_FACTORS = { otp: "auth-otp-form", webauthn: "webauthn-authenticator", recovery: "auth-recovery-authn-code-form" } as const;

/**
 * Binds a copy of Keycloak's browser flow whose conditional 2FA step offers the given methods as
 * alternatives (the built-in flow offers OTP only).
 */
export async function bindSecondFactors(realm: FreshRealm, methods: (keyof typeof SECOND_FACTORS)[]): Promise<void> {
  const flow = "theme-browser";
  const admin = realm.admin.authenticationManagement;
  await admin.copyFlow({ flow: "browser", newName: flow });
  for (const execution of await admin.getExecutions({ flow })) {
    const method = (Object.keys(SECOND_FACTORS) as (keyof typeof SECOND_FACTORS)[]).find((m) => SECOND_FACTORS[m] === execution.providerId);
    if (!method) continue;
    const requirement: Requirement = methods.includes(method) ? "ALTERNATIVE" : "DISABLED";
    // The execution as read, priority included: a missing priority would move it to the top.
    await admin.updateExecution({ flow }, { ...execution, requirement });
  }
  await realm.admin.realms.update({ realm: realm.name }, { browserFlow: flow });
}

/**
 * A step-up browser flow (Keycloak's documented recipe): level 1 = password, level 2 = password
 * and TOTP. The SSO cookie satisfies level 1 later; asking for acr 2 then shows only the OTP page.
 */
export async function bindStepUpFlow(realm: FreshRealm): Promise<void> {
  const admin = realm.admin.authenticationManagement;
  const flow = "theme-step-up";
  await admin.createFlow({ alias: flow, providerId: "basic-flow", topLevel: true, builtIn: false, description: "step-up" });
  await admin.addExecutionToFlow({ flow, provider: "auth-cookie" });
  await admin.addFlowToFlow({ flow, alias: `${flow} forms`, type: "basic-flow", provider: "registration-page-form", description: "" });
  const levels = [
    { level: 1, maxAge: 36000, provider: "auth-username-password-form" },
    { level: 2, maxAge: 0, provider: "auth-otp-form" },
  ];
  for (const { level, provider } of levels) {
    const sub = `${flow} level ${level}`;
    await admin.addFlowToFlow({ flow: `${flow} forms`, alias: sub, type: "basic-flow", provider: "registration-page-form", description: "" });
    await admin.addExecutionToFlow({ flow: sub, provider: "conditional-level-of-authentication" });
    await admin.addExecutionToFlow({ flow: sub, provider });
  }
  for (const execution of await admin.getExecutions({ flow })) {
    const level = levels.find((l) => execution.displayName === `${flow} level ${l.level}`);
    const requirement =
      execution.providerId === "auth-cookie" || execution.displayName === `${flow} forms`
        ? "ALTERNATIVE"
        : level
          ? "CONDITIONAL"
          : "REQUIRED";
    await admin.updateExecution({ flow }, { ...execution, requirement });
  }
  // The LoA conditions, in order of their subflows.
  const conditions = (await admin.getExecutions({ flow })).filter((e) => e.providerId === "conditional-level-of-authentication");
  for (const [i, condition] of conditions.entries()) {
    const { level, maxAge } = levels[i]!;
    await admin.createConfig({
      id: condition.id!,
      alias: `${flow}-loa${level}`,
      config: { "loa-condition-level": String(level), "loa-max-age": String(maxAge) },
    });
  }
  await realm.admin.realms.update({ realm: realm.name }, { browserFlow: flow });
}

export interface TotpUser extends TestUser {
  /** One per app, in base32 as an authenticator app holds it (see totpCode in pages.ts). */
  readonly totpSecrets: string[];
  /** The same secrets as Keycloak stores them, to look for leaks. */
  readonly storedSecrets: string[];
}

/** A user who already has authenticator apps (one TOTP credential per label), made through the admin API. */
export async function createUserWithTotp(realm: FreshRealm, username: string, appLabels: string[] = ["Phone"], extra: { groups?: string[] } = {}): Promise<TotpUser> {
  const user = await createUser(realm, username, extra);
  const secrets = await giveTotpApps(realm.admin, realm.name, user.id, appLabels);
  return { ...user, totpSecrets: secrets.map((s) => s.shown), storedSecrets: secrets.map((s) => s.stored) };
}

/**
 * Collects console errors and uncaught exceptions of Keycloak's pages; the theme tests require none.
 * Chromium reports failed sub-resource loads (a 404 for a script, say) as console errors too. The
 * test client's callback page (not Keycloak's, see oidc.ts) is left out: its favicon cannot load.
 */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  const callbackOrigin = new URL(REDIRECT_URI).origin;
  page.on("console", (message) => {
    const where = message.location().url;
    if (message.type() === "error" && !where.startsWith(callbackOrigin)) errors.push(`${message.text()} (${where})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return { errors };
}

/** Saves a full-page screenshot as a test artifact: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
