import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();
const loginAction = "https://sso.example/realms/r/login-actions/authenticate?session_code=s&execution=e&client_id=app&tab_id=TAB1";

describe("login-otp.ftl", () => {
  it("asks for the code in a labelled, focused, numeric one-time-code field", () => {
    renderPage("login-otp.ftl");
    const code = screen.getByLabelText("One-time code");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    expect(code).toHaveAttribute("inputmode", "numeric");
    expect(code).toHaveAttribute("name", "otp");
    expect(code).toHaveFocus();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Enter your code");
    expect(screen.queryByTestId("step-up-notice")).not.toBeInTheDocument();
  });

  it("lets the user choose between several authenticator apps and posts the chosen one with the code", async () => {
    const { user } = renderPage("login-otp.ftl");
    const group = screen.getByRole("group", { name: "Which authenticator app?" });
    expect(group).toBeInTheDocument();
    expect(screen.getByLabelText("label1")).toBeChecked();
    await user.click(screen.getByLabelText("label2"));
    await user.type(screen.getByLabelText("One-time code"), "123456");
    await user.click(screen.getByRole("button", { name: "Verify" }));
    expect(posts).toEqual([
      { formId: "kc-otp-login-form", action: "#", fields: { selectedCredentialId: "id2", otp: "123456", login: "" } },
    ]);
  });

  it("posts the only credential's id without offering a choice", async () => {
    const { user } = renderPage("login-otp.ftl", { otpLogin: { userOtpCredentials: [{ id: "only", userLabel: "Phone" }] } });
    expect(screen.queryByRole("group", { name: "Which authenticator app?" })).toBeNull();
    await user.type(screen.getByLabelText("One-time code"), "654321{Enter}");
    expect(posts[0]?.fields).toEqual({ selectedCredentialId: "only", otp: "654321", login: "" });
  });

  it("announces a wrong code at the field, marks it invalid and explains the clock hint", () => {
    renderPage("login-otp.ftl", {
      message: { type: "error", summary: "Invalid authenticator code." },
      messagesPerField: { existsError: (f: string) => f === "totp", get: (f: string) => (f === "totp" ? "Invalid authenticator code." : "") },
    });
    const code = screen.getByLabelText("One-time code");
    expect(code).toHaveAttribute("aria-invalid", "true");
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Invalid authenticator code.");
    expect(code).toHaveAccessibleDescription(expect.stringContaining("Invalid authenticator code."));
    expect(screen.getByTestId("clock-hint")).toHaveTextContent(/phone's clock/);
    // The page-level message is not repeated above the form.
    expect(screen.queryByTestId("page-message")).toBeNull();
  });

  it("says it is a step-up when an SSO session exists and this authentication showed no sign-in page", () => {
    document.cookie = "KEYCLOAK_SESSION=abc; path=/";
    renderPage("login-otp.ftl", { url: { loginAction }, auth: { showUsername: true, attemptedUsername: "alice" } });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Confirm it's you");
    const notice = screen.getByTestId("step-up-notice");
    expect(notice).toHaveTextContent("You are already signed in");
    expect(notice).toHaveTextContent("Signed in as alice");
  });

  it("is a normal second step when the password page of the same authentication was shown", () => {
    document.cookie = "KEYCLOAK_SESSION=stale; path=/";
    sessionStorage.setItem("kc-assurance.first-factor-tabs", JSON.stringify(["TAB1"]));
    renderPage("login-otp.ftl", { url: { loginAction }, auth: { showUsername: true, attemptedUsername: "alice" } });
    expect(screen.queryByTestId("step-up-notice")).toBeNull();
    expect(screen.getByText("Signing in as alice")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Start over/ })).toHaveAttribute("id", "reset-login");
  });

  it("offers another method, posting tryAnotherWay=on", async () => {
    const { user } = renderPage("login-otp.ftl", { auth: { showTryAnotherWayLink: true } });
    await user.click(screen.getByRole("button", { name: "Try another way" }));
    expect(posts).toEqual([{ formId: "kc-select-try-another-way-form", action: "#", fields: { tryAnotherWay: "on" } }]);
  });
});
