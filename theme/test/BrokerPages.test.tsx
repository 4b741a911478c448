import { screen } from "@testing-library/react";
import { capturePosts, renderPage } from "./render";

const posts = capturePosts();

describe("login-idp-link-confirm.ftl", () => {
  it("explains the match and links, or reviews the details instead", async () => {
    const { user } = renderPage("login-idp-link-confirm.ftl", { idpAlias: "partner", idpDisplayName: "Corp Partner", realm: { displayName: "ACME" } } as never);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("You already have an account");
    expect(screen.getByText(/signed in with at Corp Partner matches an account you already have at ACME/)).toBeInTheDocument();
    const link = screen.getByRole("button", { name: "Link to my existing account" });
    expect(link).toHaveFocus();
    await user.click(link);
    expect(posts[0]?.fields).toEqual({ submitAction: "linkAccount" });
    await user.click(screen.getByRole("button", { name: "Review my details instead" }));
    expect(posts[1]?.fields).toEqual({ submitAction: "updateProfile" });
  });
});

describe("login-idp-link-email.ftl", () => {
  it("says where the email went and how to go on", async () => {
    renderPage("login-idp-link-email.ftl", { idpAlias: "partner", brokerContext: { username: "zoe" }, realm: { displayName: "ACME" }, url: { loginAction: "/again" } });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Check your email");
    // zoe is the name the provider gave, not the existing account's.
    expect(screen.getByText(/account zoe to your existing account at ACME/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Send the email again/ })).toHaveAttribute("href", "/again");
  });
});

describe("idp-review-user-profile.ftl", () => {
  it("shows the realm's profile fields in our form and says why", async () => {
    const { user } = renderPage("idp-review-user-profile.ftl");
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Check your details");
    expect(screen.getByText(/Your organisation's sign-in sent these details/)).toBeInTheDocument();
    const form = document.getElementById("kc-idp-review-profile-form");
    expect(form).not.toBeNull();
    const submit = screen.getByRole("button", { name: "Submit" });
    await user.click(submit);
    expect(posts.length).toBeLessThanOrEqual(1);
  });
});

describe("login-username.ftl for a user re-authenticating through their organisation", () => {
  it("invites them to continue with the identity provider first", async () => {
    renderPage("login-username.ftl", {
      usernameHidden: true,
      auth: { attemptedUsername: "zoe", showUsername: true },
      realm: { password: true },
      message: { type: "info", summary: "Please re-authenticate to continue" },
      social: { providers: [{ alias: "partner", displayName: "Corp Partner", loginUrl: "/broker/partner/login", providerId: "oidc", iconClasses: "" }] },
    });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Confirm it's you");
    expect(screen.getByTestId("reauth-with-idp")).toHaveTextContent("Your account signs in through Corp Partner.");
    const idp = screen.getByRole("link", { name: "Continue with Corp Partner" });
    expect(idp).toHaveFocus();
    expect(idp).toHaveClass("kca-primary");
    expect(screen.getByRole("button", { name: "Use my password instead" })).toHaveClass("kca-secondary");
    expect(screen.queryByText("Please re-authenticate to continue")).toBeNull();
  });

  it("lists identity providers under the form on a fresh sign-in", async () => {
    renderPage("login-username.ftl", {
      realm: { password: true },
      social: { providers: [{ alias: "partner", displayName: "Corp Partner", loginUrl: "/broker/partner/login", providerId: "oidc", iconClasses: "" }] },
    });
    expect(await screen.findByRole("button", { name: "Continue" })).toHaveClass("kca-primary");
    expect(screen.getByRole("navigation", { name: "Sign in with your organisation" })).toHaveTextContent("Continue with Corp Partner");
  });
});
