import { act, screen, waitFor } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";
import { installWebAuthn } from "./webauthnFakes";

const posts = capturePosts();
const webauthn = installWebAuthn();
const loginAction = "https://sso.example/realms/r/login-actions/authenticate?session_code=s&execution=e&client_id=app&tab_id=TAB7";
const passkeys = (mediation: string) => ({ enableWebAuthnConditionalUI: true, challenge: "AAEC", rpId: "localhost", isUserIdentified: "false" as const, mediation, url: { loginAction } });

/** Lets the page's on-open passkey request (several awaits) run to its end. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe("login-username.ftl", () => {
  it("asks for the username alone and posts it", async () => {
    const { user } = renderPage("login-username.ftl");
    const username = screen.getByLabelText("Username or email");
    expect(username).toHaveFocus();
    expect(username).toHaveAttribute("autocomplete", "username");
    expect(screen.queryByLabelText("Password")).toBeNull();
    await user.type(username, "alice");
    await user.click(screen.getByRole("checkbox", { name: "Remember me" }));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(posts).toEqual([{ formId: "kc-form-login", action: "#", fields: { username: "alice", rememberMe: "on", login: "" } }]);
  });

  it("shows an unknown username at the field", () => {
    renderPage("login-username.ftl", { messagesPerField: { existsError: () => true, getFirstError: () => "Invalid username or email." } });
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid username or email.");
    expect(screen.getByLabelText("Username or email")).toHaveAttribute("aria-invalid", "true");
  });

  it("records that this authentication showed a first-factor page (the step-up rule needs it)", () => {
    renderPage("login-username.ftl", { url: { loginAction } });
    expect(JSON.parse(sessionStorage.getItem("kc-assurance.first-factor-tabs") ?? "[]")).toContain("TAB7");
  });

  it("offers no passkey where the realm does not allow them", async () => {
    renderPage("login-username.ftl");
    await settle();
    expect(screen.queryByRole("button", { name: "Sign in with a passkey" })).toBeNull();
    expect(webauthn.calls.get).toEqual([]);
  });

  it("signs in with the passkey button, asking nothing on opening when the mediation is none", async () => {
    const { user } = renderPage("login-username.ftl", passkeys("none"));
    await settle();
    expect(webauthn.calls.get).toEqual([]);
    expect(screen.getByLabelText("Username or email")).toHaveAttribute("autocomplete", "username webauthn");
    await user.click(screen.getByRole("button", { name: "Sign in with a passkey" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ formId: "webauth", fields: { credentialId: "AQID", signature: "MEU", error: "" } });
    // Any of the user's passkeys: the page does not know who signs in.
    expect(webauthn.calls.get[0]?.publicKey?.allowCredentials).toBeUndefined();
  });

  it("offers passkeys in the username autofill when the browser can (mediation conditional)", async () => {
    webauthn.support.conditional = true;
    renderPage("login-username.ftl", passkeys("conditional"));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(webauthn.calls.get.map((c) => c.mediation)).toEqual(["conditional"]);
    expect(posts[0]?.formId).toBe("webauth");
  });

  it("leaves autofill to the button where the browser has none", async () => {
    renderPage("login-username.ftl", passkeys("conditional"));
    await settle();
    expect(webauthn.calls.get).toEqual([]);
    expect(screen.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  });

  it("opens the passkey dialog at once for mediation required, and not again in this sign-in once dismissed", async () => {
    webauthn.fail(new DOMException("The operation either timed out or was not allowed.", "NotAllowedError"));
    const first = renderPage("login-username.ftl", passkeys("required"));
    await waitFor(() => expect(webauthn.calls.get).toHaveLength(1));
    await settle();
    expect(webauthn.calls.get[0]?.mediation).toBe("required");
    // Dismissing the dialog is not an error to post; the user goes on with the username.
    expect(posts).toEqual([]);

    first.unmount();
    renderPage("login-username.ftl", passkeys("required"));
    await settle();
    expect(webauthn.calls.get).toHaveLength(1);
  });

  it("asks nothing on opening once the user is known", async () => {
    renderPage("login-username.ftl", { ...passkeys("required"), isUserIdentified: "true" });
    await settle();
    expect(webauthn.calls.get).toEqual([]);
  });
});
