import { screen, within } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();
// jsdom's Blob has no text().
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
const codes = ["ABCD1234EFGH", "JKLM5678NPQR", "STUV9123WXYZ"];
const overrides = {
  realm: { name: "acme", displayName: "ACME" },
  recoveryAuthnCodesConfigBean: { generatedRecoveryAuthnCodesList: codes, generatedRecoveryAuthnCodesAsString: codes.join(","), generatedAt: 1767225600000 },
};

describe("login-recovery-authn-code-config.ftl", () => {
  it("shows each new code once, grouped for reading", () => {
    renderPage("login-recovery-authn-code-config.ftl", overrides);
    const list = screen.getByRole("list", { name: "Your recovery codes" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["ABCD-1234-EFGH", "JKLM-5678-NPQR", "STUV-9123-WXYZ"]);
  });

  it("continues only after the user confirms storing them, then posts the codes", async () => {
    const { user } = renderPage("login-recovery-authn-code-config.ftl", overrides);
    const continueButton = screen.getByRole("button", { name: "Continue" });
    expect(continueButton).toBeDisabled();
    const confirm = screen.getByRole("checkbox", { name: "I have stored these codes somewhere safe" });
    expect(confirm).toHaveFocus();
    await user.click(confirm);
    expect(continueButton).toBeEnabled();
    await user.click(continueButton);
    expect(posts).toEqual([
      {
        formId: "kc-recovery-codes-settings-form",
        action: "#",
        fields: { generatedRecoveryAuthnCodes: codes.join(","), generatedAt: "1767225600000", userLabel: "Recovery codes" },
      },
    ]);
  });

  it("copies the numbered codes with a heading, and says so to screen readers", async () => {
    const { user } = renderPage("login-recovery-authn-code-config.ftl", overrides);
    const writeText = jest.spyOn(navigator.clipboard, "writeText");
    await user.click(screen.getByRole("button", { name: "Copy" }));
    const text = writeText.mock.calls[0]?.[0] ?? "";
    expect(text).toMatch(/^Recovery codes for ACME\n\n1\. ABCD-1234-EFGH\n2\. JKLM-5678-NPQR\n3\. STUV-9123-WXYZ\n/);
    expect(screen.getByRole("button", { name: "Copied" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Copied");
  });

  it("downloads them as a text file and prints the page", async () => {
    const { user } = renderPage("login-recovery-authn-code-config.ftl", overrides);
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:codes";
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("recovery-codes-acme.txt");
    });
    await user.click(screen.getByRole("button", { name: "Download" }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await readBlob(blobs[0]!)).toContain("3. STUV-9123-WXYZ");
    const print = jest.spyOn(window, "print").mockImplementation(() => {});
    await user.click(screen.getByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalled();
  });
});
