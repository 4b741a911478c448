import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("login-recovery-authn-code-input.ftl", () => {
  it("names the code number Keycloak asks for and posts the code", async () => {
    const { user } = renderPage("login-recovery-authn-code-input.ftl", { recoveryAuthnCodesInputBean: { codeNumber: 3 } });
    expect(screen.getByTestId("recovery-code-number")).toHaveTextContent("Use code number 3");
    const input = screen.getByLabelText("Recovery code number 3");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("autocomplete", "one-time-code");
    await user.type(input, "ABCD-1234-EFGH");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect(posts).toEqual([{ formId: "kc-recovery-code-login-form", action: "#", fields: { recoveryCodeInput: "ABCD1234EFGH", login: "" } }]);
  });

  it("corrects what is unambiguous (case, spaces, dashes) before posting", async () => {
    const { user } = renderPage("login-recovery-authn-code-input.ftl");
    await user.type(screen.getByRole("textbox"), " abcd 1234–efgh ");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect(posts[0]?.fields.recoveryCodeInput).toBe("ABCD1234EFGH");
  });

  it("refuses, without posting, what cannot be a code, and says the format", async () => {
    const { user } = renderPage("login-recovery-authn-code-input.ftl");
    const input = screen.getByRole("textbox");
    expect(input).toHaveAccessibleDescription(expect.stringContaining("12 letters and digits"));
    await user.type(input, "ABCD-1234-EFG");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect(posts).toHaveLength(0);
    expect(screen.getByRole("alert")).toHaveTextContent("A recovery code has 12 letters and digits.");
    expect(input).toHaveAttribute("aria-invalid", "true");
    await user.clear(input);
    // O and 0 are never used: which one was meant cannot be told.
    await user.type(input, "ABCD-1234-EFG0");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect(posts).toHaveLength(0);
    expect(screen.getByRole("alert")).toHaveTextContent("no 0");
  });

  it("announces a wrong code at the field", () => {
    renderPage("login-recovery-authn-code-input.ftl", {
      messagesPerField: { existsError: (f: string) => f === "recoveryCodeInput", get: () => "Invalid recovery authentication code" },
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid recovery authentication code");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  });
});
