// Scenario 7 of the end-to-end suite: the events the policy asks to store are there after
// enrolment, a failed second factor, recovery-code use, factor removal (by the user and by an
// admin) and step-up, and none of them holds a secret.
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import {
  confirmRecoveryCodes, currentPageId, fieldError, readRecoveryCodes, readTotpSecret, recoveryCodeNumber, submitRecoveryCode, submitTotp, submitTotpEnrolment,
  totpCode, tryAnotherWay, waitForPage,
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
    const page = await (await browser.newContext()).newPage();
    await signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      await submitTotp(p, "000000");
      await p.waitForSelector('[data-testid="field-error"]');
      expect(await fieldError(p)).toBeTruthy();
      await tryAnotherWay(p, "recovery");
      await submitRecoveryCode(p, codes[(await recoveryCodeNumber(p)) - 1]!);
      // A sign-in with a recovery code leads to a new app and new codes.
      await submitTotpEnrolment(p, totpCode(await readTotpSecret(p)), "New phone");
      await readRecoveryCodes(p);
      await confirmRecoveryCodes(p);
    });

    // The user removes their recovery codes: Keycloak 26.7 does it only as an application-initiated
    // action (its account REST API answers DELETE with 405), within the signed-in session.
    const credentials = await realm.admin.users.getCredentials({ id: user.id });
    const recoveryId = credentials.find((c) => c.type === "recovery-authn-codes")!.id!;
    let removalPage: string | undefined;
    await signIn(page, client, async (p) => {
      await waitForPage(p, "delete-credential.ftl");
      removalPage = await currentPageId(p);
      await p.click("#kc-accept");
    }, { kcAction: `delete_credential:${recoveryId}` });
    expect(removalPage).toBe("delete-credential.ftl");
    // An admin removes their TOTP apps (the one set up after the recovery code too).
    const totpId = credentials.find((c) => c.type === "otp")!.id!;
    for (const totp of credentials.filter((c) => c.type === "otp")) await realm.admin.users.deleteCredential({ id: user.id, credentialId: totp.id! });
    expect((await realm.admin.users.getCredentials({ id: user.id })).map((c) => c.type)).toEqual(["password"]);

    const events = await realm.admin.realms.findEvents({ realm: realm.name, user: user.id, max: 100 } as never);
    const types = events.map((e) => e.type);
    // Keycloak 26.7 records setting up recovery codes (and TOTP) as UPDATE_CREDENTIAL with its type.
    expect(types).toEqual(expect.arrayContaining(["UPDATE_TOTP", "UPDATE_CREDENTIAL", "LOGIN_ERROR", "LOGIN", "REMOVE_CREDENTIAL"]));
    expect(events.find((e) => e.type === "REMOVE_CREDENTIAL")?.details).toMatchObject({ credential_type: "recovery-authn-codes", credential_id: recoveryId });
    // Removal by an admin is an admin event (an ACTION on the credential), not a login event.
    const adminEvents = await realm.admin.realms.findAdminEvents({ realm: realm.name, max: 100 } as never);
    const removal = adminEvents.find((e) => e.resourcePath === `users/${user.id}/credentials/${totpId}`);
    expect(removal).toMatchObject({ operationType: "ACTION", resourceType: "USER", details: { credential_type: "otp" } });
    const credentialTypes = events.filter((e) => e.type === "UPDATE_CREDENTIAL").map((e) => e.details?.credential_type);
    expect(credentialTypes).toEqual(expect.arrayContaining(["otp", "recovery-authn-codes"]));
    const failedCode = events.find((e) => e.type === "LOGIN_ERROR");
    expect(failedCode?.error).toBe("invalid_user_credentials");

    const stored = JSON.stringify([events, adminEvents]);
    for (const secretValue of [secret, user.password, ...codes]) expect(stored).not.toContain(secretValue);
  });
});
