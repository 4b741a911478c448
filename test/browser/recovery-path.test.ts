// Issue 16, part 5: a user alone, after signing in with a recovery code, is led to set up a new
// factor and new codes (our kca-recovery-renewal required action, registered by apply); the old
// codes stop working; the policy's warningThreshold is what Keycloak holds; removing the last app
// (our delete-credential.ftl) says what that means for the tier. Realm provisioned from
// the example policy by our apply; a Tier 1 user (TOTP and recovery codes required, level 2).
import { decodeJwt } from "jose";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.js";
import { signIn, stopsAt } from "../support/oidc.js";
import {
  accessibilityViolations, confirmRecoveryCodes, fieldError, readRecoveryCodes, readTotpSecret, recoveryCodeNumber, submitRecoveryCode,
  submitTotp, submitTotpEnrolment, totpCode, tryAnotherWay, waitForPage,
} from "../support/pages.js";
import { enterUsernameAndPassword, examplePolicy, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("recovery-path");
const browser = useBrowser();

const window30 = () => Math.floor(Date.now() / 30_000);
const testid = (page: Page, id: string, attribute: string) => page.locator(`[data-testid="${id}"]`).getAttribute(attribute);

describe("recovery-code path for a Tier 1 user who still has codes", () => {
  it("leads from a recovery-code sign-in to a new app and new codes; the old codes stop working", async () => {
    const policy = examplePolicy();
    await provision(realm);
    // The policy's warningThreshold reaches Keycloak's recovery-codes required action.
    const config = await realm.admin.authenticationManagement.getRequiredActionConfig({ alias: "CONFIGURE_RECOVERY_AUTHN_CODES" } as never);
    expect(config.config?.["warning_threshold"]).toBe(String(policy.recoveryCodes.warningThreshold));

    const user = await tierUser(realm, "rhea", "tier-1-operators");
    const client = await policyClient(realm, "self-service");
    let oldSecret = "";
    let oldCodes: string[] = [];
    await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      oldSecret = await readTotpSecret(p);
      await submitTotpEnrolment(p, totpCode(oldSecret), "Old phone");
      oldCodes = await readRecoveryCodes(p);
      await confirmRecoveryCodes(p);
    });
    const oldCredential = (await realm.admin.users.getCredentials({ id: user.id })).find((c) => c.type === "recovery-authn-codes")!;

    // The phone is lost: a recovery code (of twelve, eleven left) stands in for the app ...
    let usedNumber = 0;
    let newSecret = "";
    let enrolWindow = 0;
    let newCodes: string[] = [];
    const seen: Record<string, { renewal?: string | null; progress?: string | null; replaced?: string | null; text?: string | null; violations?: string[] }> = {};
    const rescued = await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await waitForPage(p, "login-otp.ftl");
      await tryAnotherWay(p, "recovery");
      usedNumber = await recoveryCodeNumber(p);
      await submitRecoveryCode(p, oldCodes[usedNumber - 1]!);
      // ... then the sign-in leads to a new app, saying why, and to new codes.
      await waitForPage(p, "login-config-totp.ftl");
      seen.totp = {
        renewal: await testid(p, "recovery-renewal", "data-kind"),
        progress: await p.locator('[data-testid="setup-progress"]').textContent(),
        text: await p.locator('[data-testid="recovery-renewal"]').textContent(),
        violations: await accessibilityViolations(p),
      };
      newSecret = await readTotpSecret(p);
      enrolWindow = window30();
      await submitTotpEnrolment(p, totpCode(newSecret), "New phone");
      await waitForPage(p, "login-recovery-authn-code-config.ftl");
      seen.codes = {
        replaced: await testid(p, "recovery-replaced", "data-why"),
        progress: await p.locator('[data-testid="setup-progress"]').textContent(),
        text: await p.locator('[data-testid="recovery-replaced"]').textContent(),
        violations: await accessibilityViolations(p),
      };
      newCodes = await readRecoveryCodes(p);
      await confirmRecoveryCodes(p);
    });
    expect(usedNumber).toBe(1);
    expect(seen.totp).toMatchObject({ renewal: "totp", violations: [] });
    expect(seen.totp!.progress).toContain("step 1 of 2");
    expect(seen.totp!.text).toContain("You signed in with a recovery code");
    expect(seen.codes).toMatchObject({ replaced: "after-code", violations: [] });
    expect(seen.codes!.progress).toContain("step 2 of 2");
    expect(seen.codes!.text).toContain("your old codes stop working");
    expect(newCodes).toHaveLength(12);
    expect(newCodes).not.toEqual(oldCodes);
    // The sign-in counts as level 2, the code in amr.
    expect(decodeJwt(rescued.access_token).acr).toBe("urn:example:loa:2");
    expect(rescued.claims()?.amr).toEqual(expect.arrayContaining(["pwd", "rc"]));

    // One set of codes, a new one; the old app stays (the user removes it), the new one is added.
    const after = await realm.admin.users.getCredentials({ id: user.id });
    const codes = after.filter((c) => c.type === "recovery-authn-codes");
    expect(codes).toHaveLength(1);
    expect(codes[0]!.id).not.toBe(oldCredential.id);
    expect(after.filter((c) => c.type === "otp").map((c) => c.userLabel).sort()).toEqual(["New phone", "Old phone"]);

    // The old codes stop working: the next sign-in asks for code 1 of the new set and refuses the
    // old list's next code; the new app signs in, with no set-up page. (One wrong code only: two
    // failures within a second are Keycloak's brute-force "quick login" and lock the user a minute.)
    const refused: (string | undefined)[] = [];
    let askedNext = 0;
    const page = await (await browser.newContext()).newPage();
    const later = await signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await waitForPage(p, "login-otp.ftl");
      await tryAnotherWay(p, "recovery");
      askedNext = await recoveryCodeNumber(p);
      await submitRecoveryCode(p, oldCodes[usedNumber]!);
      await p.waitForSelector('[data-testid="field-error"]');
      refused.push(await fieldError(p));
      await tryAnotherWay(p, "otp");
      // The enrolment's code is not accepted twice: within its 30-second window, the next one.
      await submitTotp(p, totpCode(newSecret, window30() === enrolWindow ? 1 : 0), "New phone");
    });
    expect(askedNext).toBe(1);
    expect(refused).toEqual([expect.stringMatching(/invalid|code/i)]);
    expect(later.claims()?.amr).toEqual(["pwd", "otp", "mfa"]);

    // The user removes the lost phone (an application's kc_action=delete_credential, as the account
    // console does it): another app is left, so the page adds nothing. Then the last app: Tier 1
    // must hold one, and the page says it is set up again at the next sign-in, which it is.
    const otps = (await realm.admin.users.getCredentials({ id: user.id })).filter((c) => c.type === "otp");
    const removal: { title: string | null; consequence: string | null; violations: string[] }[] = [];
    for (const label of ["Old phone", "New phone"]) {
      await signIn(page, client, async (p) => {
        await waitForPage(p, "delete-credential.ftl");
        const consequence = p.locator('[data-testid="delete-consequence"]');
        removal.push({
          title: await p.locator("#kca-title").textContent(),
          consequence: (await consequence.count()) ? await consequence.getAttribute("data-kind") : null,
          violations: await accessibilityViolations(p),
        });
        await p.click("#kc-accept");
      }, { kcAction: `delete_credential:${otps.find((c) => c.userLabel === label)!.id!}` });
    }
    expect(removal).toEqual([
      { title: "Remove Old phone?", consequence: null, violations: [] },
      { title: "Remove New phone?", consequence: "must-hold", violations: [] },
    ]);
    expect(await stopsAt(await (await browser.newContext()).newPage(), client, "login-config-totp.ftl", (p) => enterUsernameAndPassword(p, user))).toBe("stopped at login-config-totp.ftl");
  });
});
