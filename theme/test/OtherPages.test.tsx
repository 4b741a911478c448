import { screen, within } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("logout-confirm.ftl", () => {
  it("asks with a real, focused button and offers the way back", async () => {
    const { user } = renderPage("logout-confirm.ftl", { client: { baseUrl: "https://app.example.com" }, logoutConfirm: { code: "c0de", skipLink: false } });
    const button = await screen.findByRole("button", { name: "Sign out" });
    expect(button).toHaveFocus();
    expect(button).not.toHaveAttribute("tabindex");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Sign out?");
    expect(screen.getByRole("link", { name: /go back to the application/ })).toHaveAttribute("href", "https://app.example.com");
    await user.click(button);
    expect(posts[0]?.fields).toEqual({ session_code: "c0de", confirmLogout: "Logout" });
  });
});

describe("info.ftl", () => {
  it("lists the actions asked for and makes the way on a button", async () => {
    renderPage("info.ftl", {
      messageHeader: "Perform the following action(s)",
      requiredActions: ["CONFIGURE_TOTP"],
      actionUri: "https://sso/action",
      message: { type: "info", summary: "Your administrator asks you to:" },
    });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Perform the following action(s)");
    expect(within(document.getElementById("kca-required-actions")!).getByRole("listitem")).toHaveTextContent("Configure OTP");
    expect(screen.getByRole("link", { name: /Proceed|Click here to proceed/ })).toHaveAttribute("href", "https://sso/action");
  });
});

describe("error.ftl", () => {
  it("shows Keycloak's or our reason, with a way to start again where our message asks for it", async () => {
    renderPage("error.ftl", {
      message: { type: "error", summary: "Your account may not sign in with a passkey. Start again and sign in with your password." },
      url: { loginRestartFlowUrl: "/restart" },
    });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("We can't continue");
    expect(screen.getByRole("alert")).toHaveTextContent("may not sign in with a passkey");
    expect(screen.getByRole("link", { name: "Start over" })).toHaveAttribute("href", "/restart");
  });

  it("offers no restart for other errors", async () => {
    renderPage("error.ftl", { message: { type: "error", summary: "Client not found." }, url: { loginRestartFlowUrl: "/restart" } });
    expect(await screen.findByRole("alert")).toHaveTextContent("Client not found.");
    expect(screen.queryByRole("link", { name: "Start over" })).toBeNull();
  });
});

describe("login-page-expired.ftl", () => {
  it("offers to continue or start over, as buttons", async () => {
    renderPage("login-page-expired.ftl", { url: { loginAction: "/continue", loginRestartFlowUrl: "/restart" } });
    expect(await screen.findByRole("link", { name: "Continue where I was" })).toHaveAttribute("href", "/continue");
    expect(screen.getByRole("link", { name: "Start over" })).toHaveAttribute("href", "/restart");
  });
});
