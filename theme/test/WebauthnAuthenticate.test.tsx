import { screen, waitFor } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";
import { installWebAuthn } from "./webauthnFakes";

const posts = capturePosts();
const webauthn = installWebAuthn();

const keys = {
  authenticators: [
    { credentialId: "AQID", label: "Blue USB key", createdAt: "2026-01-02", transports: { iconClass: "kcWebAuthnUSB", displayNameProperties: ["webauthn-transport-usb"] } },
    { credentialId: "BAUG", label: "Laptop", createdAt: "2026-02-03", transports: { iconClass: "kcWebAuthnDefaultIcon", displayNameProperties: [] } },
  ],
};

describe("webauthn-authenticate.ftl", () => {
  it("lists the user's keys, asks the browser for one of them and posts the assertion", async () => {
    const { user } = renderPage("webauthn-authenticate.ftl", {
      authenticators: keys,
      shouldDisplayAuthenticators: true,
      isUserIdentified: "true",
      challenge: "AAEC",
      rpId: "localhost",
      userVerification: "preferred",
    });
    expect(screen.getByText("Blue USB key")).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Use my key" });
    expect(button).toHaveFocus();
    await user.click(button);
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      formId: "webauth",
      action: "#",
      fields: { clientDataJSON: "e30", authenticatorData: "CQ", signature: "MEU", credentialId: "AQID", userHandle: "dQ", error: "" },
    });
    const { publicKey } = webauthn.calls.get[0]!;
    expect(publicKey?.rpId).toBe("localhost");
    expect(publicKey?.userVerification).toBe("preferred");
    expect(publicKey?.allowCredentials?.map((c) => new Uint8Array(c.id as ArrayBuffer))).toEqual([
      new Uint8Array([1, 2, 3]),
      new Uint8Array([4, 5, 6]),
    ]);
  });

  it("leaves the choice of key to the browser while the user is not yet identified", async () => {
    const { user } = renderPage("webauthn-authenticate.ftl", { authenticators: keys, isUserIdentified: "false" });
    await user.click(screen.getByRole("button", { name: "Use my key" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(webauthn.calls.get[0]?.publicKey?.allowCredentials).toBeUndefined();
  });

  it("posts the error when the key is refused", async () => {
    webauthn.fail(new DOMException("cancelled", "NotAllowedError"));
    const { user } = renderPage("webauthn-authenticate.ftl");
    await user.click(screen.getByRole("button", { name: "Use my key" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]?.fields.error).toMatch(/NotAllowedError: cancelled/);
  });
});
