import { screen } from "@testing-library/react";
import { renderPage } from "./render";

describe("pages outside the theme's own set", () => {
  it("render Keycloakify's stock page inside our layout, without PatternFly", async () => {
    renderPage("login-reset-password.ftl");
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Forgot Your Password?");
    expect(document.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(document.querySelector(".kca-card")).not.toBeNull();
  });
});
