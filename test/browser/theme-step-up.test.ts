// Step-up in a real Keycloak: a user signed in at level 1 whose app asks for level 2 sees the OTP
// page worded as a step-up; the same page in a fresh level-2 sign-in reads as a normal second step.
import { useBrowser } from "../support/browser.js";
import { createTestClient, signIn, type TestClient } from "../support/oidc.js";
import { accessibilityViolations, isStepUp, readTotpSecret, signInWithPassword, submitTotp, submitTotpEnrolment, totpCode, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { bindStepUpFlow, createUserWithTotp, screenshot, useOurTheme, watchConsole } from "../support/theme-fixtures.js";
import { createUser } from "../support/users.js";

const realm = useFreshRealm("theme-stepup");
const browser = useBrowser();
let client: TestClient;

beforeAll(async () => {
  await useOurTheme(realm);
  await bindStepUpFlow(realm);
  client = await createTestClient(realm);
});

describe("step-up wording of the kc-assurance theme", () => {
  it("tells a signed-in user that a stronger sign-in is asked for", async () => {
    const user = await createUserWithTotp(realm, "stepper");
    const context = await browser.newContext();
    const page = await context.newPage();
    const console = watchConsole(page);

    const first = await signIn(page, client, (p) => signInWithPassword(p, user.username, user.password), { acrValues: "1" });
    expect(first.claims()?.acr).toBe("1");

    const stepped = await signIn(
      page,
      client,
      async (p) => {
        await waitForPage(p, "login-otp.ftl");
        expect(await isStepUp(p)).toBe(true);
        expect(await p.locator("#kca-title").textContent()).toBe("Confirm it's you");
        expect(await p.locator('[data-testid="step-up-notice"]').textContent()).toContain(`Signed in as ${user.username}`);
        expect(await accessibilityViolations(p)).toEqual([]);
        await screenshot(p, "step-up-totp");
        await submitTotp(p, totpCode(user.totpSecrets[0]!));
      },
      { acrValues: "2" },
    );
    expect(stepped.claims()?.acr).toBe("2");
    expect(console.errors).toEqual([]);
    await context.close();
  });

  it("words the same page as a normal second step in a fresh sign-in at level 2", async () => {
    const user = await createUserWithTotp(realm, "fresh");
    const context = await browser.newContext();
    const page = await context.newPage();
    const console = watchConsole(page);
    const tokens = await signIn(
      page,
      client,
      async (p) => {
        await signInWithPassword(p, user.username, user.password);
        await waitForPage(p, "login-otp.ftl");
        expect(await isStepUp(p)).toBe(false);
        expect(await p.locator("#kca-title").textContent()).toBe("Enter your code");
        await submitTotp(p, totpCode(user.totpSecrets[0]!));
      },
      { acrValues: "2" },
    );
    expect(tokens.claims()?.acr).toBe("2");
    expect(console.errors).toEqual([]);
    await context.close();
  });

  it("words a set-up the step-up needs as part of the step-up, not as activating the account", async () => {
    const user = await createUser(realm, "newcomer");
    const context = await browser.newContext();
    const page = await context.newPage();
    const console = watchConsole(page);
    await signIn(page, client, (p) => signInWithPassword(p, user.username, user.password), { acrValues: "1" });
    const stepped = await signIn(
      page,
      client,
      async (p) => {
        await waitForPage(p, "login-config-totp.ftl");
        expect(await isStepUp(p)).toBe(true);
        expect(await p.locator('[data-testid="step-up-notice"]').textContent()).toMatch(/already signed in.*stronger sign-in/);
        expect(await p.locator("body").textContent()).not.toMatch(/activate your account/);
        expect(await accessibilityViolations(p)).toEqual([]);
        await screenshot(p, "step-up-totp-setup");
        await submitTotpEnrolment(p, totpCode(await readTotpSecret(p)), "Phone");
      },
      { acrValues: "2" },
    );
    expect(stepped.claims()?.acr).toBe("2");
    expect(console.errors).toEqual([]);
    await context.close();
  });
});
