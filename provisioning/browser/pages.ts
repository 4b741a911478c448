// Page objects for the kc-assurance login theme (theme/). They use only the stable ids and
// data-testids documented in theme/README.md, so the tests and `kc-assurance verify` drive sign-in
// through our pages without knowing their markup.
import { generateSync } from "otplib";
import type { Page } from "playwright-core";

/** The Keycloak page the browser shows now (e.g. "login-otp.ftl"), from the page's kcContext. */
export function currentPageId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as { kcContext?: { pageId?: string } }).kcContext?.pageId);
}

/** The message Keycloak put on the page (an error or refusal), once there is one. */
export async function pageMessage(page: Page): Promise<string | undefined> {
  await page.waitForFunction(() => (window as { kcContext?: { message?: unknown } }).kcContext?.message !== undefined, undefined, { timeout: 15_000 });
  return page.evaluate(() => (window as { kcContext?: { message?: { summary?: string } } }).kcContext?.message?.summary);
}

/** Waits until Keycloak has rendered the given page of our theme and its first field is usable. */
export async function waitForPage(page: Page, pageId: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((id) => (window as { kcContext?: { pageId?: string } }).kcContext?.pageId === id, pageId, { timeout }).catch(async (err: Error) => {
    // Say where the browser is instead: most failures here are another page than expected.
    const title = await page.title().catch(() => "");
    throw new Error(`waiting for ${pageId}: the browser is at ${page.url()} ("${title}", page ${String(await currentPageId(page).catch(() => undefined))})`, { cause: err });
  });
  await page.waitForSelector("#kca-title", { timeout });
}

/** The sign-in page; when Keycloak already knows the user (re-authentication), only the password. */
export async function signInWithPassword(page: Page, username: string, password: string): Promise<void> {
  await waitForPage(page, "login.ftl");
  if ((await page.locator("#username").count()) > 0) await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("#kc-login");
}

/**
 * From the sign-in page: "Forgot password?", then the user's name on the reset page (Keycloak's
 * stock login-reset-password.ftl, inside our layout).
 */
export async function requestCredentialReset(page: Page, username: string): Promise<void> {
  await waitForPage(page, "login.ftl");
  await page.click("#kc-forgot-password");
  await waitForPage(page, "login-reset-password.ftl");
  await page.fill("#username", username);
  await page.click('#kc-reset-password-form [type="submit"]');
}

/** Username and password: on one page (login.ftl), or the username page then the password page. */
export async function enterUsernameAndPassword(page: Page, user: { readonly username: string; readonly password: string }): Promise<void> {
  await page.waitForSelector("#username");
  await page.fill("#username", user.username);
  // Both on one page (login.ftl) where level 1 is the password alone; else the username first.
  if ((await page.locator("#password").count()) === 0) {
    await page.click("#kc-login");
    await page.waitForSelector("#password");
  }
  await page.fill("#password", user.password);
  await page.click("#kc-login");
}

/** The authenticator key shown on the enrolment page, without the grouping spaces. */
export async function readTotpSecret(page: Page): Promise<string> {
  await waitForPage(page, "login-config-totp.ftl");
  const grouped = await page.locator('[data-testid="totp-secret"]').textContent();
  if (!grouped) throw new Error("no TOTP key on the page");
  return grouped.replace(/\s+/g, "");
}

/**
 * The code an authenticator app shows for the secret. `periodsAhead` picks a later 30-second
 * window: Keycloak accepts one window ahead, and refuses a code already used (code reuse is off).
 */
export function totpCode(secret: string, periodsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + periodsAhead * 30 });
}

/** Enrolment page: enters a code and a device name, then finishes. */
export async function submitTotpEnrolment(page: Page, code: string, deviceName?: string): Promise<void> {
  await page.fill("#totp", code);
  if (deviceName !== undefined) await page.fill("#userLabel", deviceName);
  await page.click("#saveTOTPBtn");
}

/** Sign-in code page: picks the app by its name when the user has several, enters the code. */
export async function submitTotp(page: Page, code: string, appName?: string): Promise<void> {
  await waitForPage(page, "login-otp.ftl");
  if (appName !== undefined) await page.getByRole("radio", { name: appName }).check();
  await page.fill("#otp", code);
  await page.click("#kc-login");
}

/** Registration page: names the key and registers it (the browser's authenticator answers). */
export async function registerWebAuthn(page: Page, label: string): Promise<void> {
  await waitForPage(page, "webauthn-register.ftl");
  await page.fill("#authenticatorLabel", label);
  await page.click("#registerWebAuthn");
}

/** Second-step page for passkeys and security keys: asks the browser's authenticator. */
export async function useWebAuthn(page: Page): Promise<void> {
  await waitForPage(page, "webauthn-authenticate.ftl");
  await page.click("#authenticateWebAuthnButton");
}

/** Sign-in page: the passkey button (present where the realm allows passkeys). */
export async function signInWithPasskey(page: Page): Promise<void> {
  await waitForPage(page, "login.ftl");
  await page.click("#authenticateWebAuthnButton");
}

/** WebAuthn error page: "Try again". */
export async function retryWebAuthn(page: Page): Promise<void> {
  await waitForPage(page, "webauthn-error.ftl");
  await page.click("#kc-try-again");
}

/** The new recovery codes, in order, as Keycloak expects them typed (without the dashes). */
export async function readRecoveryCodes(page: Page): Promise<string[]> {
  await waitForPage(page, "login-recovery-authn-code-config.ftl");
  const shown = await page.locator('[data-testid="recovery-codes"] li').allTextContents();
  return shown.map((c) => c.replace(/-/g, "").trim());
}

/** Confirms the codes are stored and continues. */
export async function confirmRecoveryCodes(page: Page): Promise<void> {
  await page.check("#kcRecoveryCodesConfirmationCheck");
  await page.click("#saveRecoveryAuthnCodesBtn");
}

/** Which code (1-based) the recovery-code page asks for. */
export async function recoveryCodeNumber(page: Page): Promise<number> {
  await waitForPage(page, "login-recovery-authn-code-input.ftl");
  return Number(await page.locator('[data-testid="recovery-code-number"]').getAttribute("data-code-number"));
}

export async function submitRecoveryCode(page: Page, code: string): Promise<void> {
  await waitForPage(page, "login-recovery-authn-code-input.ftl");
  await page.fill("#recoveryCodeInput", code);
  await page.click("#kc-login");
}

/** Keycloak's names of the methods on the "try another way" page. */
export const METHODS = {
  otp: "otp-display-name",
  webauthn: "webauthn-display-name",
  recovery: "recovery-authn-codes-display-name",
} as const;

/** From a second-step page: "Try another way", then the method. */
export async function tryAnotherWay(page: Page, method: keyof typeof METHODS): Promise<void> {
  await page.click("#try-another-way");
  await waitForPage(page, "select-authenticator.ftl");
  await page.click(`[data-testid="auth-method"][data-method="${METHODS[method]}"]`);
}

/** Whether the page tells a signed-in user that a stronger sign-in is asked for. */
export function isStepUp(page: Page): Promise<boolean> {
  return page.locator('[data-testid="step-up-notice"]').isVisible();
}

/** The error shown at a field (wrong code, wrong password), or undefined. */
export async function fieldError(page: Page): Promise<string | undefined> {
  const error = page.locator('[data-testid="field-error"]');
  return (await error.count()) > 0 ? ((await error.first().textContent()) ?? undefined) : undefined;
}
