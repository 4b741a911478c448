// After a sign-in with a recovery code our provider adds a new factor and new codes
// (kcaRecoveryRenewal); regenerating codes replaces the old ones (kcaCredentials says the user has some).
import { cleanup, screen } from "@testing-library/react";
import { renderPage } from "./render";

const codes = ["ABCD1234EFGH", "JKLM5678NPQR"];
const bean = { recoveryAuthnCodesConfigBean: { generatedRecoveryAuthnCodesList: codes, generatedRecoveryAuthnCodesAsString: codes.join(","), generatedAt: 1767225600000 } };
const renewal = ["CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"];

describe("after a sign-in with a recovery code", () => {
  it("the authenticator-app page says why it is asked, that the old app stays until removed, and that new codes come next", () => {
    renderPage("login-config-totp.ftl", { kcaRecoveryRenewal: renewal });
    const notice = screen.getByTestId("recovery-renewal");
    expect(notice).toHaveAttribute("data-kind", "totp");
    expect(notice).toHaveTextContent("You signed in with a recovery code, so your authenticator app is not at hand.");
    expect(notice).toHaveTextContent("keeps working until you remove it in your account settings");
    expect(notice).toHaveTextContent("Next, you'll save a new set of recovery codes.");
    cleanup();
    // An ordinary set-up says nothing of the kind.
    renderPage("login-config-totp.ftl");
    expect(screen.queryByTestId("recovery-renewal")).toBeNull();
  });

  it("the security-key page says the same for a key", () => {
    renderPage("webauthn-register.ftl", { kcaRecoveryRenewal: ["webauthn-register", "CONFIGURE_RECOVERY_AUTHN_CODES"] });
    expect(screen.getByTestId("recovery-renewal")).toHaveTextContent("so your security key is not at hand. Register a key you have now.");
    cleanup();
    // Renewal of another factor: not this page's business.
    renderPage("webauthn-register.ftl", { kcaRecoveryRenewal: renewal });
    expect(screen.queryByTestId("recovery-renewal")).toBeNull();
  });

  it("the recovery-code page says a code was used and the old codes stop working, in English and German", async () => {
    renderPage("login-recovery-authn-code-config.ftl", { ...bean, kcaRecoveryRenewal: renewal, kcaCredentials: { otp: 2, "recovery-authn-codes": 1 } });
    const replaced = screen.getByTestId("recovery-replaced");
    expect(replaced).toHaveAttribute("data-why", "after-code");
    expect(replaced).toHaveTextContent("You signed in with a recovery code. Save this new set: as soon as you continue, your old codes stop working");
    cleanup();
    renderPage("login-recovery-authn-code-config.ftl", { ...bean, locale: { currentLanguageTag: "de" }, kcaRecoveryRenewal: renewal });
    expect(await screen.findByTestId("recovery-replaced")).toHaveTextContent("Sie haben sich mit einem Wiederherstellungscode angemeldet.");
    expect(screen.getByTestId("recovery-replaced")).toHaveTextContent("gelten Ihre alten Codes nicht mehr");
  });
});

describe("regenerating recovery codes", () => {
  it("says the old codes stop working when the user has some", async () => {
    renderPage("login-recovery-authn-code-config.ftl", { ...bean, isAppInitiatedAction: true, kcaCredentials: { "recovery-authn-codes": 1 } });
    expect(screen.getByTestId("recovery-replaced")).toHaveAttribute("data-why", "had-codes");
    expect(screen.getByTestId("recovery-replaced")).toHaveTextContent("These codes replace the recovery codes you have: as soon as you continue, your old codes stop working");
    cleanup();
    renderPage("login-recovery-authn-code-config.ftl", { ...bean, locale: { currentLanguageTag: "de" }, kcaCredentials: { "recovery-authn-codes": 1 } });
    expect(await screen.findByTestId("recovery-replaced")).toHaveTextContent("Diese Codes ersetzen Ihre bisherigen Wiederherstellungscodes");
  });

  it("says nothing of old codes to a user who has none, and a hedged sentence where it cannot know", () => {
    renderPage("login-recovery-authn-code-config.ftl", { ...bean, isAppInitiatedAction: true, kcaCredentials: { otp: 1 } });
    expect(screen.queryByTestId("recovery-replaced")).toBeNull();
    cleanup();
    // The account console's "set up recovery codes" without our provider: maybe a regeneration.
    renderPage("login-recovery-authn-code-config.ftl", { ...bean, isAppInitiatedAction: true });
    expect(screen.getByTestId("recovery-replaced")).toHaveAttribute("data-why", "unknown");
    expect(screen.getByTestId("recovery-replaced")).toHaveTextContent("If you already have recovery codes, these replace them");
    cleanup();
    // A first set-up during sign-in: nothing to replace.
    renderPage("login-recovery-authn-code-config.ftl", bean);
    expect(screen.queryByTestId("recovery-replaced")).toBeNull();
  });
});
