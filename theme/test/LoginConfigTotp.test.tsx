import { cleanup, screen } from "@testing-library/react";
import { algorithmName, groupKey, otpauthUri } from "../src/login/pages/LoginConfigTotp";
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
  });

  it("names the algorithm from the policy, not from getAlgorithmKey(), which a real page fills only in manual mode", () => {
    // What Keycloakify's template serialises outside manual mode (seen on Keycloak 26.7 pages).
    renderPage("login-config-totp.ftl", { mode: "qr", totp: { policy: { algorithm: "HmacSHA256", getAlgorithmKey: () => "error" } } });
    expect(screen.getByTestId("totp-policy")).toHaveTextContent("algorithm: SHA256");
    expect(screen.getByTestId("totp-policy")).not.toHaveTextContent("error");
    expect(algorithmName({ algorithm: "HmacSHA512" })).toBe("SHA512");
  });

  it("opens at its heading, so the instructions are not scrolled past; after a wrong code, at the code", () => {
    renderPage("login-config-totp.ftl");
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    cleanup();
    renderPage("login-config-totp.ftl", {
      messagesPerField: { existsError: (f: string) => f === "totp", get: (f: string) => (f === "totp" ? "Invalid authenticator code." : "") },
    });
    expect(screen.getByLabelText("One-time code")).toHaveFocus();
  });

  it("says when the code will be asked only as the realm's policy facts say", () => {
    renderPage("login-config-totp.ftl");
    expect(screen.getByTestId("when-asked")).toHaveTextContent("whenever a sign-in needs a second step");
    expect(screen.getByTestId("when-asked")).not.toHaveTextContent(/every time|After your password/);
    cleanup();
    renderPage("login-config-totp.ftl", { kcaThemePolicy: JSON.stringify({ v: 1, asked: { totp: "step-up" } }) });
    expect(screen.getByTestId("when-asked")).toHaveTextContent("only when an application needs a stronger sign-in");
    cleanup();
    renderPage("login-config-totp.ftl", { kcaThemePolicy: JSON.stringify({ v: 1, asked: { totp: "every-sign-in" } }) });
    expect(screen.getByTestId("when-asked")).toHaveTextContent("every time you sign in");
    cleanup();
    renderPage("login-config-totp.ftl", { kcaThemePolicy: JSON.stringify({ v: 1, asked: { totp: "depends" } }) });
    expect(screen.getByTestId("when-asked")).toHaveTextContent("depending on your account");
  });

  it("leaves out Keycloak's required-action banner and names who is setting up, with a way to start over", () => {
    renderPage("login-config-totp.ftl", {
      message: { type: "warning", summary: "You need to set up Mobile Authenticator to activate your account." },
      totp: { username: "ada" },
    });
    expect(screen.queryByText(/activate your account/)).toBeNull();
    expect(screen.getByTestId("attempted-username")).toHaveTextContent("Signing in as ada");
    expect(screen.getByRole("link", { name: /Not you\? Start over/ })).toBeInTheDocument();
    expect(screen.getByTestId("setup-progress")).toHaveTextContent("Account set-up, step 1");
  });

  it("says when this user will be asked, from the tiers our provider names", () => {
    const facts = JSON.stringify({
      v: 1,
      asked: { totp: "depends" },
      tiers: [{ role: "kca-tier-2", asked: { totp: "every-sign-in" } }, { role: "kca-tier-3", asked: { totp: "step-up" } }],
      noTier: { totp: "step-up" },
    });
    const when = (kcaTiers: string[] | undefined) => {
      renderPage("login-config-totp.ftl", { kcaThemePolicy: facts, ...(kcaTiers ? { kcaTiers } : {}) });
      const asked = screen.getByTestId("when-asked").getAttribute("data-asked");
      cleanup();
      return asked;
    };
    expect(when(["kca-tier-3"])).toBe("step-up");
    expect(when(["kca-tier-2"])).toBe("every-sign-in");
    // In two tiers: asked whenever either asks.
    expect(when(["kca-tier-3", "kca-tier-2"])).toBe("every-sign-in");
    expect(when([])).toBe("step-up");
    // Without our provider the page does not know the user's tiers.
    expect(when(undefined)).toBe("depends");
  });

  it("says when the user's sign-in methods were reset, after an MFA reset", () => {
    renderPage("login-config-totp.ftl", { totp: { username: "ada" }, kcaReset: { at: "2026-11-30T03:40:12Z" } });
    expect(screen.getByTestId("reset-notice")).toHaveTextContent("Your sign-in methods were reset on 2026-11-30 03:40 UTC. Set them up again to continue.");
    cleanup();
    renderPage("login-config-totp.ftl", { totp: { username: "ada" } });
    expect(screen.queryByTestId("reset-notice")).toBeNull();
  });

  it("says step N of M when the server counts the sign-in's set-up pages", async () => {
    renderPage("login-config-totp.ftl", { totp: { username: "ada" }, kcaSetup: { step: 2, of: 3 } });
    expect(screen.getByTestId("setup-progress")).toHaveTextContent("Account set-up, step 2 of 3");
    cleanup();
    renderPage("login-config-totp.ftl", { totp: { username: "ada" }, kcaSetup: { step: 1, of: 2 }, locale: { currentLanguageTag: "de" } });
    expect(await screen.findByText("Kontoeinrichtung, Schritt 1 von 2")).toBeInTheDocument();
  });

  it("words the page as part of a step-up when the user is already signed in", () => {
    document.cookie = "KEYCLOAK_SESSION=myrealm/user/x; path=/";
    renderPage("login-config-totp.ftl", { totp: { username: "ada" }, url: { loginAction: "/realms/r/login-actions/required-action?tab_id=T9" } });
    expect(screen.getByTestId("step-up-notice")).toHaveTextContent("asks for a stronger sign-in");
    expect(screen.queryByRole("link", { name: /Start over/ })).toBeNull();
  });

  it("links the key to an authenticator app on this device, as Keycloak's QR code does", () => {
    const { kcContext } = renderPage("login-config-totp.ftl", { realm: { displayName: "ACME: Corp" }, totp: { username: "ada" } });
    const href = screen.getByRole("link", { name: "Open it in your authenticator app" }).getAttribute("href") ?? "";
    const secret = kcContext.totp.totpSecretEncoded.replace(/\s/g, "");
    expect(href).toBe(`otpauth://totp/ACME%20Corp%3Aada?secret=${secret}&digits=6&algorithm=SHA1&issuer=ACME%20Corp&period=30`);
    expect(otpauthUri({ ...kcContext.totp.policy, type: "hotp", initialCounter: 3 } as never, "AB CD", "R", "u")).toBe(
      "otpauth://hotp/R%3Au?secret=ABCD&digits=6&algorithm=SHA1&issuer=R&counter=3",
    );
  });

  it("keeps the manual key open after a wrong code: it posts mode=manual while open", async () => {
    const { user } = renderPage("login-config-totp.ftl", { mode: "qr" });
    await user.click(screen.getByText(/Can't scan/));
    await user.type(screen.getByLabelText("One-time code"), "123456");
    await user.click(screen.getByRole("button", { name: "Finish setup" }));
    expect(posts[0]?.fields.mode).toBe("manual");
  });

  it("keeps each group of four of the key together when it wraps", () => {
    renderPage("login-config-totp.ftl");
    const groups = screen.getByTestId("totp-secret").querySelectorAll(".kca-secret-group");
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g.textContent).toMatch(/^[A-Z2-7]{1,4}$/);
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
