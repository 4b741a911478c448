// Answers whatever sign-in, second-step or set-up page Keycloak shows, until the browser leaves
// Keycloak (the client's callback): what a user of any tier meets, with what they hold.
import type { Page } from "playwright-core";
import { confirmRecoveryCodes, currentPageId, readRecoveryCodes, readTotpSecret, registerWebAuthn, submitTotp, submitTotpEnrolment, totpCode, useWebAuthn } from "./pages.js";

/** The pages on which a user sets a factor up. */
export const SET_UP_PAGES: readonly string[] = ["login-config-totp.ftl", "webauthn-register.ftl", "login-recovery-authn-code-config.ftl"];

/** Who signs in, on the username and password pages. */
export interface Person { readonly username: string; readonly password: string }

/** What the user set up on the way, for later sign-ins. */
export interface Enrolled {
  totpSecret?: string;
  recoveryCodes?: string[];
  /** Apps set up so far: each gets its own name, as Keycloak refuses a second app of the same name. */
  apps?: number;
}

/**
 * `seen` collects the page ids answered; `user` answers the username and password pages (without
 * it they are unexpected); `periodsAhead` picks a TOTP code not used yet in this period.
 */
export async function answerSteps(
  page: Page,
  enrolled: Enrolled,
  seen: string[],
  periodsAhead: number,
  user?: Person,
  /** Looks at each page (its id given) before it is answered. */
  onPage?: (page: Page, id: string) => Promise<unknown>,
): Promise<void> {
  for (let step = 0; step < 10; step++) {
    await page.waitForLoadState();
    const id = await currentPageId(page).catch(() => undefined);
    if (!id) return; // the callback page: no Keycloak context
    seen.push(id);
    // Each answer submits a form; the next page is the next navigation of the main frame.
    if (onPage) await onPage(page, id);
    const next = page.waitForEvent("framenavigated", (f) => f === page.mainFrame());
    // Awaited below; when an answer throws instead, its end (the page closed) is nobody's error.
    next.catch(() => {});
    if (id === "login.ftl" && user) {
      // Keycloak's stock sign-in: both on one page (the name only when Keycloak does not know it yet).
      if ((await page.locator("#username").count()) > 0) await page.fill("#username", user.username);
      await page.fill("#password", user.password);
      await page.click("#kc-login");
    } else if (id === "login-username.ftl" && user) {
      await page.fill("#username", user.username);
      await page.click("#kc-login");
    } else if (id === "login-password.ftl" && user) {
      await page.fill("#password", user.password);
      await page.click("#kc-login");
    } else if (id === "login-config-totp.ftl") {
      enrolled.totpSecret = await readTotpSecret(page);
      enrolled.apps = (enrolled.apps ?? 0) + 1;
      await submitTotpEnrolment(page, totpCode(enrolled.totpSecret), enrolled.apps === 1 ? "Phone" : `Phone ${enrolled.apps}`);
    } else if (id === "webauthn-register.ftl") {
      await registerWebAuthn(page, "Key");
    } else if (id === "login-recovery-authn-code-config.ftl") {
      enrolled.recoveryCodes = await readRecoveryCodes(page);
      await confirmRecoveryCodes(page);
    } else if (id === "login-otp.ftl") {
      await submitTotp(page, totpCode(enrolled.totpSecret!, periodsAhead));
    } else if (id === "webauthn-authenticate.ftl") {
      await useWebAuthn(page);
    } else {
      throw new Error(`unexpected page ${id} after ${seen.join(", ")}`);
    }
    await next;
  }
  throw new Error(`too many steps: ${seen.join(", ")}`);
}
