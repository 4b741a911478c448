import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("select-authenticator.ftl", () => {
  it("offers each method as a button with its help text, and posts the chosen execution", async () => {
    const { user } = renderPage("select-authenticator.ftl", {
      auth: {
        authenticationSelections: [
          { authExecId: "otp-exec", displayName: "otp-display-name", helpText: "otp-help-text" },
          { authExecId: "rc-exec", displayName: "recovery-authn-codes-display-name", helpText: "recovery-authn-codes-help-text" },
        ],
      },
    });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Choose how to sign in");
    const otp = screen.getByRole("button", { name: /Authenticator app/ });
    expect(otp).toHaveFocus();
    expect(otp).toHaveAccessibleDescription("Enter a code from your authenticator app.");
    await user.click(screen.getByRole("button", { name: /Recovery Authentication Code/ }));
    expect(posts).toEqual([{ formId: "kc-select-credential-form", action: "#", fields: { authenticationExecution: "rc-exec" } }]);
  });
});
