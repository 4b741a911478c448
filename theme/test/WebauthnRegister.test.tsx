import { screen, waitFor } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";
import { installWebAuthn } from "./webauthnFakes";

const posts = capturePosts();
const webauthn = installWebAuthn();
// Keycloakify's mock has ids that are not base64url; Keycloak sends real ones.
const excludeCredentialIds = "AQID,BAUG";

describe("webauthn-register.ftl", () => {
  it("asks for a name in the page, registers the key and posts Keycloak's fields", async () => {
    const { user } = renderPage("webauthn-register.ftl", { excludeCredentialIds, signatureAlgorithms: ["-7", "-257"] as never });
    const label = screen.getByLabelText("Name for this key");
    // A set-up page opens at its heading: the instructions come before the field.
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    await user.type(label, "Laptop fingerprint");
    await user.click(screen.getByRole("button", { name: "Register key" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      formId: "register",
      action: "#",
      fields: {
        clientDataJSON: "e30",
        attestationObject: "-vs",
        publicKeyCredentialId: "AQID",
        transports: "internal,hybrid",
        authenticatorAttachment: "platform",
        error: "",
        authenticatorLabel: "Laptop fingerprint",
      },
    });
    const { publicKey } = webauthn.calls.create[0]!;
    expect(publicKey?.rp).toEqual({ id: "example.com", name: "Example Corp" });
    expect(publicKey?.pubKeyCredParams).toEqual([
      { type: "public-key", alg: -7 },
      { type: "public-key", alg: -257 },
    ]);
    expect(publicKey?.authenticatorSelection).toEqual({
      authenticatorAttachment: "platform",
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "preferred",
    });
    expect(publicKey?.excludeCredentials).toHaveLength(2);
    expect(publicKey?.timeout).toBe(60_000_000);
  });

  it("uses Keycloak's default name when none is typed", async () => {
    const { user } = renderPage("webauthn-register.ftl", { excludeCredentialIds });
    await user.click(screen.getByRole("button", { name: "Register key" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]?.fields.authenticatorLabel).toBe("Passkey (Default Label)");
  });

  it("posts the browser's error, which leads to Keycloak's error page", async () => {
    webauthn.fail(new DOMException("The operation either timed out or was not allowed.", "NotAllowedError"));
    const { user } = renderPage("webauthn-register.ftl", { excludeCredentialIds });
    await user.click(screen.getByRole("button", { name: "Register key" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]?.fields.error).toMatch(/NotAllowedError/);
    expect(posts[0]?.fields.attestationObject).toBe("");
  });

  it("offers cancel to an app-initiated registration", async () => {
    const { user } = renderPage("webauthn-register.ftl", { excludeCredentialIds, isAppInitiatedAction: true, isSetRetry: false });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(posts[0]).toEqual({ formId: "kc-webauthn-settings-form", action: "#", fields: { "cancel-aia": "true" } });
  });
});
