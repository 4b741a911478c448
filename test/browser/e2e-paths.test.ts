// Policy choices the other scenarios do not take: a tier given by a realm role instead of a group,
// and stepUp.missingFactor "deny" (a user asked for a level whose factors they have none of is
// refused, not taken to set one up).
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { currentPageId, pageMessage, readTotpSecret, submitTotpEnrolment, totpCode, confirmRecoveryCodes, readRecoveryCodes } from "../support/pages.js";
import { enterUsernameAndPassword, examplePolicy, policyClient, provision } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser } from "../support/users.js";

const realm = useFreshRealm("e2e-paths");
const browser = useBrowser();

const policy = examplePolicy((t) => t
  .replace("    group: tier-1-operators\n", "    role: operators\n")
  .replace("  missingFactor: enroll", "  missingFactor: deny"));

beforeAll(async () => {
  // A tier given by role uses the realm's own role: apply does not create it.
  await realm.admin.roles.create({ name: "operators" });
  await provision(realm, policy);
});

describe("a tier given by a realm role", () => {
  it("holds for a user with the role (directly): TOTP set up before a level-2 token", async () => {
    const user = await createUser(realm, "rita");
    const role = (await realm.admin.roles.findOneByName({ name: "operators" }))!;
    await realm.admin.users.addRealmRoleMappings({ id: user.id, roles: [{ id: role.id!, name: role.name! }] });
    const client = await policyClient(realm, "self-service");
    const tokens = await signIn(await (await browser.newContext()).newPage(), client, async (page) => {
      await enterUsernameAndPassword(page, user);
      const secret = await readTotpSecret(page);
      await submitTotpEnrolment(page, totpCode(secret), "phone");
      await readRecoveryCodes(page);
      await confirmRecoveryCodes(page);
    });
    expect(tokens.claims()?.acr).toBe("urn:example:loa:2");
  });
});

describe('stepUp.missingFactor: "deny"', () => {
  it("refuses a user asked for a level whose factors they have none of, with no set-up page and no token", async () => {
    const user = await createUser(realm, "sam");
    const client = await policyClient(realm, "self-service");
    const page = await (await browser.newContext()).newPage();
    let shown: string | undefined;
    let message: string | undefined;
    const outcome = await signIn(page, client, async (p) => {
      await enterUsernameAndPassword(p, user);
      message = await pageMessage(p);
      shown = await currentPageId(p);
      throw new Error("refused");
    }, { acrValues: "urn:example:loa:2" }).then(() => "token", (e: Error) => e.message);
    expect(outcome).toBe("refused");
    expect(shown).not.toMatch(/config-totp|webauthn-register/);
    expect(message).toBeTruthy();
  });
});
