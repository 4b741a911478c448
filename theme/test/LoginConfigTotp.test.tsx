import { screen } from "@testing-library/react";
import { groupKey } from "../src/login/pages/LoginConfigTotp";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("login-config-totp.ftl", () => {
  it("shows the supported apps, the QR code and the key for manual entry with the policy", () => {
    const { kcContext } = renderPage("login-config-totp.ftl");
    for (const app of ["FreeOTP", "Google Authenticator"]) expect(screen.getByText(app)).toBeInTheDocument();
    const qr = screen.getByRole("img", { name: /QR code/ });
    expect(qr.getAttribute("src")).toContain(kcContext.totp.totpSecretQrCode);
    expect(screen.getByTestId("totp-secret")).toHaveTextContent(groupKey(kcContext.totp.totpSecretEncoded));
    expect(screen.getByText(/Type: TOTP, algorithm: SHA1, digits: 6, interval: 30 seconds/)).toBeInTheDocument();
    expect(screen.getByLabelText("One-time code")).toHaveFocus();
  });

  it("opens the manual key section in manual mode", () => {
    renderPage("login-config-totp.ftl", { mode: "manual" });
    expect(screen.getByText(/Can't scan/).closest("details")).toHaveAttribute("open");
  });

  it("posts the code, the secret, the device name and the mode", async () => {
    const { user, kcContext } = renderPage("login-config-totp.ftl", { mode: "qr" });
    await user.type(screen.getByLabelText("One-time code"), "123456");
    await user.type(screen.getByLabelText(/Device name/), "Work phone");
    await user.click(screen.getByRole("button", { name: "Finish setup" }));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.formId).toBe("kc-totp-settings-form");
    expect(posts[0]?.fields).toEqual({ totp: "123456", totpSecret: kcContext.totp.totpSecret, mode: "qr", userLabel: "Work phone" });
  });

  it("requires a device name once the user has another app, and offers cancel to an app-initiated action", async () => {
    const { user } = renderPage("login-config-totp.ftl", {
      isAppInitiatedAction: true,
      totp: { otpCredentials: [{ id: "c1", userLabel: "Old phone" }] },
    });
    expect(screen.getByLabelText(/Device name/)).toBeRequired();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(posts[0]?.fields).toMatchObject({ "cancel-aia": "true" });
  });

  it("explains the clock when the code is refused", () => {
    renderPage("login-config-totp.ftl", {
      messagesPerField: { existsError: (f: string) => f === "totp", get: (f: string) => (f === "totp" ? "Invalid authenticator code." : "") },
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid authenticator code.");
    expect(screen.getByLabelText("One-time code")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("clock-hint")).toHaveTextContent(/automatic date and time/);
  });

  it("groups the key in fours", () => {
    expect(groupKey("KVVF G2BY N4YX S6LB")).toBe("KVVF G2BY N4YX S6LB");
    expect(groupKey("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
