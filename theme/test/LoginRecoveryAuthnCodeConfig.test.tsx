import { cleanup, screen, within } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();
// jsdom's Blob has no text().
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
const codes = ["ABCD1234EFGH", "JKLM5678NPQR", "STUV9123WXYZ"];
const overrides = {
  realm: { name: "acme", displayName: "ACME" },
  recoveryAuthnCodesConfigBean: { generatedRecoveryAuthnCodesList: codes, generatedRecoveryAuthnCodesAsString: codes.join(","), generatedAt: 1767225600000 },
};

describe("login-recovery-authn-code-config.ftl", () => {
  it("shows each new code once, grouped for reading", () => {
    renderPage("login-recovery-authn-code-config.ftl", overrides);
    const list = screen.getByRole("list", { name: "Your recovery codes" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["ABCD-1234-EFGH", "JKLM-5678-NPQR", "STUV-9123-WXYZ"]);
  });

  it("continues only after the user confirms storing them, then posts the codes", async () => {
    const { user } = renderPage("login-recovery-authn-code-config.ftl", overrides);
    const continueButton = screen.getByRole("button", { name: "Continue" });
    expect(continueButton).toBeDisabled();
    const confirm = screen.getByRole("checkbox", { name: "I have stored these codes somewhere safe" });
    // The page opens at its heading, above the codes, not at the checkbox below them.
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    expect(confirm).not.toHaveFocus();
    await user.click(confirm);
    expect(continueButton).toBeEnabled();
    await user.click(continueButton);
    expect(posts).toEqual([
      {
        formId: "kc-recovery-codes-settings-form",
        action: "#",
        fields: { generatedRecoveryAuthnCodes: codes.join(","), generatedAt: "1767225600000", userLabel: "Recovery codes" },
      },
    ]);
  });

  it("copies the numbered codes with a heading, and says so to screen readers", async () => {
    const { user } = renderPage("login-recovery-authn-code-config.ftl", overrides);
    const writeText = jest.spyOn(navigator.clipboard, "writeText");
    await user.click(screen.getByRole("button", { name: "Copy" }));
    const text = writeText.mock.calls[0]?.[0] ?? "";
    expect(text).toMatch(/^Recovery codes for ACME\nAccount: \(your username\)\n\n1\. ABCD-1234-EFGH\n2\. JKLM-5678-NPQR\n3\. STUV-9123-WXYZ\n/);
    expect(screen.getByRole("button", { name: "Copied" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Copied");
  });

  it("downloads them as a text file and prints the page", async () => {
    sessionStorage.setItem("kc-assurance.tabs", JSON.stringify([{ tab: "T1", username: "ada" }]));
    const { user } = renderPage("login-recovery-authn-code-config.ftl", { ...overrides, url: { loginAction: "/x?tab_id=T1" } });
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:codes";
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("recovery-codes-acme-ada.txt");
    });
    await user.click(screen.getByRole("button", { name: "Download" }));
    expect(click).toHaveBeenCalledTimes(1);
    const file = await readBlob(blobs[0]!);
    expect(file).toContain("3. STUV-9123-WXYZ");
    expect(file).toContain("Account: ada");
    const print = jest.spyOn(window, "print").mockImplementation(() => {});
    await user.click(screen.getByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalled();
  });

  it("names the account and realm on the sheet that is printed, from an earlier page of this sign-in", () => {
    sessionStorage.setItem("kc-assurance.tabs", JSON.stringify([{ tab: "T1", username: "ada" }]));
    renderPage("login-recovery-authn-code-config.ftl", { ...overrides, url: { loginAction: "/x?tab_id=T1" } });
    const sheet = screen.getByRole("region", { name: "Recovery codes for ACME" });
    expect(within(sheet).getByTestId("recovery-account")).toHaveTextContent("Account: ada");
    expect(within(sheet).getByRole("list")).toBeInTheDocument();
  });

  it("leaves out Keycloak's banner and says what the codes can and cannot do, from the policy facts", () => {
    const message = { type: "warning" as const, summary: "You need to set up Backup Codes to activate your account." };
    renderPage("login-recovery-authn-code-config.ftl", { ...overrides, message });
    expect(screen.queryByText(/activate your account/)).toBeNull();
    // No facts: a sentence true under any policy, no promise.
    expect(screen.getByTestId("recovery-scope")).toHaveTextContent("wherever your organisation's sign-in accepts recovery codes");
    expect(screen.queryByText(/if you lose your phone or key/i)).toBeNull();
    cleanup();
    // The example policy: codes stand in at level 2 (app or key), not at level 3 (the key itself).
    renderPage("login-recovery-authn-code-config.ftl", {
      ...overrides,
      kcaThemePolicy: JSON.stringify({ v: 1, recoveryCodes: { replaces: ["totp", "webauthn"], notFor: ["webauthn"] } }),
    });
    expect(screen.getByTestId("recovery-scope")).toHaveTextContent("Each code lets you sign in once in place of your authenticator app or your security key.");
    expect(screen.getByTestId("recovery-scope-limit")).toHaveTextContent("A code does not replace your security key where a sign-in asks for it specifically.");
    cleanup();
    // What apply writes for the example policy: level 1 (password, passkey) takes no codes either.
    renderPage("login-recovery-authn-code-config.ftl", {
      ...overrides,
      kcaThemePolicy: JSON.stringify({ v: 1, recoveryCodes: { replaces: ["totp", "webauthn"], notFor: ["password", "passkey", "webauthn"] } }),
    });
    expect(screen.getByTestId("recovery-scope-limit")).toHaveTextContent(/^A code does not replace your passkey or your security key where/);
  });

  it("says so in German too", async () => {
    renderPage("login-recovery-authn-code-config.ftl", {
      ...overrides,
      locale: { currentLanguageTag: "de" },
      kcaThemePolicy: JSON.stringify({ v: 1, recoveryCodes: { replaces: ["totp"], notFor: ["webauthn"] } }),
    });
    expect(await screen.findByTestId("recovery-scope")).toHaveTextContent("Mit jedem Code können Sie sich einmal anmelden, ohne Ihre Authenticator-App.");
    expect(screen.getByTestId("recovery-scope-limit")).toHaveTextContent("Ein Code ersetzt nicht Ihren Sicherheitsschlüssel");
  });
});
