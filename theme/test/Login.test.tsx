import { screen, waitFor } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";
import { installWebAuthn } from "./webauthnFakes";

const posts = capturePosts();
const webauthn = installWebAuthn();
const loginAction = "https://sso.example/realms/r/login-actions/authenticate?session_code=s&execution=e&client_id=app&tab_id=TAB9";

describe("login.ftl", () => {
  it("signs in with username and password", async () => {
    const { user } = renderPage("login.ftl");
    const username = screen.getByLabelText("Username or email");
    expect(username).toHaveFocus();
    expect(username).toHaveAttribute("autocomplete", "username");
    expect(screen.getByLabelText("Password")).toHaveAttribute("autocomplete", "current-password");
    await user.type(username, "alice");
    await user.type(screen.getByLabelText("Password"), "secret");
    await user.click(screen.getByRole("checkbox", { name: "Remember me" }));
    await user.click(screen.getByRole("button", { name: "Sign In" }));
    expect(posts).toEqual([
      { formId: "kc-form-login", action: "#", fields: { username: "alice", password: "secret", rememberMe: "on", credentialId: "", login: "" } },
    ]);
  });

  it("shows a failed sign-in at the fields", () => {
    renderPage("login.ftl", {
      messagesPerField: { existsError: () => true, getFirstError: () => "Invalid username or password." },
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid username or password.");
    expect(screen.getByLabelText("Username or email")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
  });

  it("records that this authentication showed a first-factor page (the step-up rule needs it)", () => {
    renderPage("login.ftl", { url: { loginAction } });
    expect(JSON.parse(sessionStorage.getItem("kc-assurance.first-factor-tabs") ?? "[]")).toEqual(["TAB9"]);
  });

  it("offers no passkey where the realm does not allow them", () => {
    renderPage("login.ftl");
    expect(screen.queryByRole("button", { name: "Sign in with a passkey" })).toBeNull();
  });

  it("signs in with a passkey where the realm allows it", async () => {
    const { user } = renderPage("login.ftl", { enableWebAuthnConditionalUI: true, challenge: "AAEC", rpId: "localhost", isUserIdentified: "false" });
    expect(screen.getByLabelText("Username or email")).toHaveAttribute("autocomplete", "username webauthn");
    await user.click(screen.getByRole("button", { name: "Sign in with a passkey" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]?.formId).toBe("webauth");
    expect(posts[0]?.fields).toMatchObject({ credentialId: "AQID", signature: "MEU", error: "" });
    expect(webauthn.calls.get[0]?.publicKey?.allowCredentials).toBeUndefined();
  });
});
