import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("login-reset-otp.ftl", () => {
  it("lists the user's authenticator apps and posts the one to remove", async () => {
    const { user } = renderPage("login-reset-otp.ftl", {
      configuredOtpCredentials: {
        userOtpCredentials: [
          { id: "a", userLabel: "Old phone" },
          { id: "b", userLabel: "Tablet" },
        ],
        selectedCredentialId: "a",
      },
    });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Remove an authenticator app");
    expect(screen.getByLabelText("Old phone")).toBeChecked();
    expect(screen.getByLabelText("Old phone")).toHaveFocus();
    await user.click(screen.getByLabelText("Tablet"));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(posts).toEqual([{ formId: "kc-otp-reset-form", action: "#", fields: { selectedCredentialId: "b" } }]);
  });
});
