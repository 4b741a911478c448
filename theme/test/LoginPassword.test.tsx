import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();
const loginAction = "https://sso.example/realms/r/login-actions/authenticate?session_code=s&execution=e&client_id=app&tab_id=TAB8";
const alice = { auth: { showUsername: true, attemptedUsername: "alice" } };

describe("login-password.ftl", () => {
  it("asks the named user for the password and posts it", async () => {
    const { user } = renderPage("login-password.ftl", alice);
    expect(screen.getByTestId("attempted-username")).toHaveTextContent("Signing in as alice");
    const password = screen.getByLabelText("Password");
    expect(password).toHaveFocus();
    expect(password).toHaveAttribute("autocomplete", "current-password");
    await user.type(password, "secret");
    await user.click(screen.getByRole("button", { name: "Sign In" }));
    expect(posts).toEqual([{ formId: "kc-form-login", action: "#", fields: { password: "secret", login: "" } }]);
  });

  it("shows a wrong password at the field", () => {
    renderPage("login-password.ftl", { ...alice, messagesPerField: { existsError: () => true, getFirstError: () => "Invalid password." } });
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid password.");
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
  });

  it("offers no passkey even where Keycloak would: one used here would count as the password", () => {
    renderPage("login-password.ftl", { ...alice, enableWebAuthnConditionalUI: true, challenge: "AAEC", rpId: "localhost" });
    expect(screen.queryByRole("button", { name: /passkey/i })).toBeNull();
    expect(document.getElementById("webauth")).toBeNull();
  });

  it("records that this authentication showed a first-factor page (the step-up rule needs it)", () => {
    renderPage("login-password.ftl", { ...alice, url: { loginAction } });
    expect(JSON.parse(sessionStorage.getItem("kc-assurance.first-factor-tabs") ?? "[]")).toContain("TAB8");
  });
});
