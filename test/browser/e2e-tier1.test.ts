// Scenario 2 of the end-to-end suite: a Tier 1 operator on a realm provisioned from the example
// policy by our CLI's apply, signing in through our theme to a client of the policy.
import { decodeJwt } from "jose";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { enterUsernameAndPassword, policyClient, provision, tierUser } from "../support/provisioned.js";
import {
  confirmRecoveryCodes, fieldError, readRecoveryCodes, readTotpSecret, recoveryCodeNumber, submitRecoveryCode, submitTotp, submitTotpEnrolment,
  totpCode, tryAnotherWay,
} from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("e2e-tier1");
const browser = useBrowser();

let refusedAgain = "";

describe("Tier 1: TOTP enrolment forced, level 2 on every sign-in", () => {
  it("enrols TOTP before any token, refuses a wrong code, asks for the code next time; tokens carry level 2", async () => {
    await provision(realm);
    const user = await tierUser(realm, "olivia", "tier-1-operators");
    const client = await policyClient(realm, "self-service");

    let secret = "";
    let wrongCode: string | undefined;
    let recoveryCodes: string[] = [];
    const first = await signIn(await (await browser.newContext()).newPage(), client, async (page) => {
      await enterUsernameAndPassword(page, user);
      secret = await readTotpSecret(page);
      await submitTotpEnrolment(page, "000000", "Work phone");
      await page.waitForSelector('[data-testid="field-error"]');
      wrongCode = await fieldError(page);
      secret = await readTotpSecret(page);
      await submitTotpEnrolment(page, totpCode(secret), "Work phone");
      // The policy requires Tier 1 to hold recovery codes too.
      recoveryCodes = await readRecoveryCodes(page);
      await confirmRecoveryCodes(page);
    });
    expect(recoveryCodes).toHaveLength(12);
    expect(wrongCode).toMatch(/invalid|code/i);
    // The self-service client asks for level 1 by default; the tier raises every sign-in to level 2.
    expect(first.claims()?.acr).toBe("urn:example:loa:2");
    expect(decodeJwt(first.access_token).acr).toBe("urn:example:loa:2");
    // Keycloak names in amr only the factors asked for; TOTP set up (a code entered) counts too with
    // our kca-amr-mapper, so this sign-in was already two kinds of factor.
    expect(first.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);

    const second = await signIn(await (await browser.newContext()).newPage(), client, async (page) => {
      await enterUsernameAndPassword(page, user);
      // One window ahead: the enrolment code of this window must not be accepted twice.
      await submitTotp(page, totpCode(secret, 1));
    });
    expect(second.claims()?.acr).toBe("urn:example:loa:2");
    expect(second.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);
    expect(decodeJwt(second.access_token).amr).toEqual(["pwd", "otp", "mfa"]);

    // Scenario 3: without the phone, a recovery code stands in for TOTP, once; the sign-in then
    // leads to a new app and a new set of codes (test/browser/recovery-path.test.ts: the whole path).
    const askedNumber: number[] = [];
    let spareSecret = "";
    let spareWindow = 0;
    let newCodes: string[] = [];
    const useRecoveryCode = async (page: Page) => {
      await enterUsernameAndPassword(page, user);
      await tryAnotherWay(page, "recovery");
      const n = await recoveryCodeNumber(page);
      askedNumber.push(n);
      await submitRecoveryCode(page, recoveryCodes[n - 1]!);
      spareSecret = await readTotpSecret(page);
      spareWindow = Math.floor(Date.now() / 30_000);
      await submitTotpEnrolment(page, totpCode(spareSecret), "Spare phone");
      newCodes = await readRecoveryCodes(page);
      await confirmRecoveryCodes(page);
    };
    const third = await signIn(await (await browser.newContext()).newPage(), client, useRecoveryCode);
    expect(third.claims()?.acr).toBe("urn:example:loa:2");
    expect(third.claims()?.amr).toEqual(expect.arrayContaining(["pwd", "rc", "mfa"]));

    // The same code again is refused, the old set being gone: Keycloak asks for code 1 of the new
    // set. The new app signs in.
    const page = await (await browser.newContext()).newPage();
    const fourth = await signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await tryAnotherWay(p, "recovery");
      askedNumber.push(await recoveryCodeNumber(p));
      await submitRecoveryCode(p, recoveryCodes[askedNumber[0]! - 1]!);
      await p.waitForSelector('[data-testid="field-error"]');
      refusedAgain = (await fieldError(p)) ?? "";
      await tryAnotherWay(p, "otp");
      // The enrolment's code is not accepted twice: within its 30-second window, the next one.
      await submitTotp(p, totpCode(spareSecret, Math.floor(Date.now() / 30_000) === spareWindow ? 1 : 0), "Spare phone");
    });
    expect(askedNumber).toEqual([1, 1]);
    expect(newCodes).toHaveLength(12);
    expect(refusedAgain).not.toBe("");
    expect(fourth.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);
  });
});
