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
    expect(posts).toEqual([{ formId: "kc-recovery-code-login-form", action: "#", fields: { recoveryCodeInput: "ABCD-1234-EFGH", login: "" } }]);
  });

  it("announces a wrong code at the field", () => {
    renderPage("login-recovery-authn-code-input.ftl", {
      messagesPerField: { existsError: (f: string) => f === "recoveryCodeInput", get: () => "Invalid recovery authentication code" },
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid recovery authentication code");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  });
});
