// Scenario 7 of the end-to-end suite: the events the policy asks to store are there after
// enrolment, a failed second factor and recovery-code use, and none of them holds a secret.
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import {
  confirmRecoveryCodes, fieldError, readRecoveryCodes, readTotpSecret, recoveryCodeNumber, submitRecoveryCode, submitTotp, submitTotpEnrolment,
  totpCode, tryAnotherWay,
} from "../support/pages.js";
import { enterUsernameAndPassword, policyClient, provision, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";

const realm = useFreshRealm("e2e-audit");
const browser = useBrowser();

describe("audit events", () => {
  it("stores enrolment, failed second factor and recovery-code use, with no secret in any event", async () => {
    await provision(realm);
    const user = await tierUser(realm, "avery", "tier-1-operators");
    const client = await policyClient(realm, "self-service");
    let secret = "";
    let codes: string[] = [];
    await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      secret = await readTotpSecret(p);
      await submitTotpEnrolment(p, totpCode(secret), "Phone");
      codes = await readRecoveryCodes(p);
      await confirmRecoveryCodes(p);
    });
    await signIn(await (await browser.newContext()).newPage(), client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await submitTotp(p, "000000");
      await p.waitForSelector('[data-testid="field-error"]');
      expect(await fieldError(p)).toBeTruthy();
      await tryAnotherWay(p, "recovery");
      await submitRecoveryCode(p, codes[(await recoveryCodeNumber(p)) - 1]!);
    });

    const events = await realm.admin.realms.findEvents({ realm: realm.name, user: user.id, max: 100 } as never);
    const types = events.map((e) => e.type);
    // Keycloak 26.7 records setting up recovery codes (and TOTP) as UPDATE_CREDENTIAL with its type.
    expect(types).toEqual(expect.arrayContaining(["UPDATE_TOTP", "UPDATE_CREDENTIAL", "LOGIN_ERROR", "LOGIN"]));
    const credentialTypes = events.filter((e) => e.type === "UPDATE_CREDENTIAL").map((e) => e.details?.credential_type);
    expect(credentialTypes).toEqual(expect.arrayContaining(["otp", "recovery-authn-codes"]));
    const failedCode = events.find((e) => e.type === "LOGIN_ERROR");
    expect(failedCode?.error).toBe("invalid_user_credentials");

    const stored = JSON.stringify(events);
    for (const secretValue of [secret, user.password, ...codes]) expect(stored).not.toContain(secretValue);
  });
});
