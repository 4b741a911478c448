import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-username.ftl" });

const meta = { title: "login/login-username.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithPasskeys: Story = { args: { kcContext: { enableWebAuthnConditionalUI: true, mediation: "none" } } };
export const UnknownUser: Story = {
  args: { kcContext: { messagesPerField: { existsError: () => true, getFirstError: () => "Invalid username or email." } } },
};
/** A user asked to sign in again (prompt=login) whose account is linked to an identity provider. */
export const ReauthenticateWithIdentityProvider: Story = {
  args: {
    kcContext: {
      usernameHidden: true,
      auth: { attemptedUsername: "zoe", showUsername: true },
      message: { type: "info", summary: "Please re-authenticate to continue" },
      social: { providers: [{ alias: "partner", displayName: "Corp Partner", loginUrl: "#", providerId: "oidc", iconClasses: "" }] },
    },
  },
};
export const WithIdentityProviders: Story = {
  args: { kcContext: { social: { providers: [{ alias: "partner", displayName: "Corp Partner", loginUrl: "#", providerId: "oidc", iconClasses: "" }] } } },
};
