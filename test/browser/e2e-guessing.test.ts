// Scenario 6 of the end-to-end suite: guessing second factors. A TOTP code is good once; repeated
// wrong codes lock the account for the policy's time (brute force: 5 failures in the example).
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { confirmRecoveryCodes, fieldError, readRecoveryCodes, readTotpSecret, submitTotp, submitTotpEnrolment, totpCode } from "../support/pages.js";
import { enterUsernameAndPassword, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("e2e-guess");
const browser = useBrowser();

async function codeError(page: Page, code: string): Promise<string> {
  await submitTotp(page, code);
  await page.waitForSelector('[data-testid="field-error"]');
  return (await fieldError(page)) ?? "";
}

describe("guessing second factors", () => {
  it("refuses a TOTP code used twice, and locks the account after repeated wrong codes", async () => {
    await provision(realm);
    const user = await tierUser(realm, "gus", "tier-1-operators");
    const client = await policyClient(realm, "self-service");
    let secret = "";
    await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      secret = await readTotpSecret(p);
      await submitTotpEnrolment(p, totpCode(secret), "Phone");
      await readRecoveryCodes(p);
      await confirmRecoveryCodes(p);
    });

    // A code accepted once is refused the second time within its window.
    const code = totpCode(secret, 1);
    await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await submitTotp(p, code);
    });
    const page = await (await browser.newContext()).newPage();
    const reuse = signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      throw new Error(`reused code: ${await codeError(p, code)}`);
    });
    await expect(reuse).rejects.toThrow(/reused code: .+/);

    // Wrong codes up to the policy's limit, then even the right code is refused while locked.
    const locked = signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      for (let i = 0; i < 5; i++) await codeError(p, "000000");
      throw new Error(`after lockout: ${await codeError(p, totpCode(secret, 1)).catch((e: Error) => e.message)}`);
    });
    await expect(locked).rejects.toThrow(/after lockout/);
    const status = (await realm.admin.attackDetection.findOne({ id: user.id })) as { disabled?: boolean; numFailures?: number };
    expect(status.disabled).toBe(true);
    // Keycloak's quick-login check locks even earlier when failures come within a second of each other.
    expect(status.numFailures).toBeGreaterThan(0);
  });
});
