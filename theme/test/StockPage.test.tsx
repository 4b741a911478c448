import { screen } from "@testing-library/react";
import { renderPage } from "./render";

describe("pages outside the theme's own set", () => {
  it("render Keycloakify's stock page inside our layout, without PatternFly", async () => {
    renderPage("info.ftl", { messageHeader: "Your account is updated.", message: { type: "info", summary: "Your account is updated." } });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Your account is updated.");
    expect(document.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(document.querySelector(".kca-card")).not.toBeNull();
  });
});
