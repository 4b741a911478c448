// delete-credential.ftl: an application's kc_action=delete_credential. The page says what removing
// the credential means for the user's tier (policy facts, kcaTiers, kcaCredentials, kcaDeleting).
import { cleanup, screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();
const facts = JSON.stringify({
  v: 1,
  asked: { totp: "depends", webauthn: "depends" },
  tiers: [
    { role: "kca-tier-1", asked: { totp: "every-sign-in", webauthn: "every-sign-in" }, mustHold: ["totp", "recovery-codes"] },
    { role: "kca-tier-2", asked: { totp: "every-sign-in", webauthn: "step-up" }, mustHold: [] },
    { role: "kca-tier-3", asked: { totp: "step-up", webauthn: "step-up" }, mustHold: [] },
  ],
  noTier: { totp: "step-up", webauthn: "step-up" },
});
// The page is loaded on demand: wait for its heading.
async function page(o: object) {
  const view = renderPage("delete-credential.ftl", { credentialLabel: "Phone", kcaThemePolicy: facts, ...o });
  await screen.findByRole("heading", { level: 1 });
  return view;
}
const consequence = () => screen.queryByTestId("delete-consequence");

describe("delete-credential.ftl", () => {
  it("asks before removing, keeping is the default, and posts Keycloak's fields", async () => {
    const { user } = await page({ kcaDeleting: "otp", kcaCredentials: { otp: 2 }, kcaTiers: ["kca-tier-1"] });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Remove Phone?");
    expect(screen.getByRole("button", { name: "Keep it" })).toHaveFocus();
    // Another app is left: nothing to warn about.
    expect(consequence()).toBeNull();
    await user.click(screen.getByRole("button", { name: "Remove" }));
    expect(posts.at(-1)?.fields).toEqual({ accept: "Confirm deletion" });
  });

  it("tells a tier that must hold an app that its last one is set up again at the next sign-in", async () => {
    await page({ kcaDeleting: "otp", kcaCredentials: { password: 1, otp: 1, "recovery-authn-codes": 1 }, kcaTiers: ["kca-tier-1"] });
    expect(consequence()).toHaveAttribute("data-kind", "must-hold");
    expect(consequence()).toHaveTextContent("This is your only authenticator app, and your account must have one: the next time you sign in, you'll have to set up a new app");
    cleanup();
    await page({ kcaDeleting: "recovery-authn-codes", credentialLabel: "recovery-authn-codes", kcaCredentials: { otp: 1, "recovery-authn-codes": 1 }, kcaTiers: ["kca-tier-1"] });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Remove recovery codes?");
    expect(consequence()).toHaveTextContent("Your account must have recovery codes");
  });

  it("tells a tier asked at every sign-in that it will sign in with the password alone, and others what step-up will do", async () => {
    await page({ kcaDeleting: "otp", kcaCredentials: { otp: 1 }, kcaTiers: ["kca-tier-2"] });
    expect(consequence()).toHaveAttribute("data-kind", "last-every-sign-in");
    expect(consequence()).toHaveTextContent("This is your last second sign-in method. Without it you'll sign in with your password alone");
    cleanup();
    await page({ kcaDeleting: "otp", kcaCredentials: { otp: 1 }, kcaTiers: ["kca-tier-3"] });
    expect(consequence()).toHaveAttribute("data-kind", "last");
    cleanup();
    // A key is left: the app is not the last second method.
    await page({ kcaDeleting: "otp", kcaCredentials: { otp: 1, webauthn: 1 }, kcaTiers: ["kca-tier-3"] });
    expect(consequence()).toBeNull();
    cleanup();
    await page({ kcaDeleting: "recovery-authn-codes", kcaCredentials: { otp: 1, "recovery-authn-codes": 1 }, kcaTiers: ["kca-tier-3"] });
    expect(consequence()).toHaveAttribute("data-kind", "last-codes");
  });

  it("hedges where it cannot know (no provider), and says it in German", async () => {
    await page({});
    expect(consequence()).toHaveAttribute("data-kind", "if-last");
    cleanup();
    await page({ locale: { currentLanguageTag: "de" }, kcaDeleting: "otp", kcaCredentials: { otp: 1 }, kcaTiers: ["kca-tier-1"] });
    expect(await screen.findByTestId("delete-consequence")).toHaveTextContent("Das ist Ihre einzige Authenticator-App, und Ihr Konto muss eine haben");
    expect(screen.getByRole("button", { name: "Entfernen" })).toBeInTheDocument();
  });
});
