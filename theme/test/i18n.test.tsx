import { screen } from "@testing-library/react";
import { renderPage } from "./render";

describe("German", () => {
  it("is complete for our pages and mixes with Keycloak's own German messages", async () => {
    renderPage("login-otp.ftl", { locale: { currentLanguageTag: "de" } });
    expect(await screen.findByRole("heading", { level: 1, name: "Code eingeben" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Bestätigen" })).toBeInTheDocument();
    expect(screen.getByLabelText("Einmalcode")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("de");
  });
});
