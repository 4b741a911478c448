import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("webauthn-error.ftl", () => {
  it("explains the failure and retries the same execution", async () => {
    const { user } = renderPage("webauthn-error.ftl", { execution: "exec-123", message: { type: "error", summary: "Failed to authenticate by the Security key." } });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("The key didn't work");
    expect(screen.getByRole("alert")).toHaveTextContent("Failed to authenticate by the Security key.");
    const retry = screen.getByRole("button", { name: "Try again" });
    expect(retry).toHaveFocus();
    await user.click(retry);
    expect(posts).toEqual([
      { formId: "kc-error-credential-form", action: "#", fields: { authenticationExecution: "exec-123", isSetRetry: "retry", "try-again": "" } },
    ]);
  });

  it("offers another method and, for an app-initiated set-up, cancel", async () => {
    const { user } = renderPage("webauthn-error.ftl", { isAppInitiatedAction: true, auth: { showTryAnotherWayLink: true } });
    await user.click(screen.getByRole("button", { name: "Try another way" }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(posts.map((p) => [p.formId, p.fields])).toEqual([
      ["kc-select-try-another-way-form", { tryAnotherWay: "on" }],
      ["kc-webauthn-settings-form", { "cancel-aia": "true" }],
    ]);
  });
});
