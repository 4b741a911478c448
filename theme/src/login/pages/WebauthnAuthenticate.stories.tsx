import type { Meta, StoryObj } from "@storybook/react-vite";
import { asSignedInUser, createKcPageStory, loginActionOfTab } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-authenticate.ftl" });

const meta = { title: "login/webauthn-authenticate.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const keys = {
  shouldDisplayAuthenticators: true,
  isUserIdentified: "true" as const,
  authenticators: {
    authenticators: [
      { credentialId: "AQID", label: "Blue USB key", createdAt: "2 January 2026", transports: { iconClass: "kcWebAuthnUSB", displayNameProperties: ["USB"] } },
      { credentialId: "BAUG", label: "Laptop fingerprint", createdAt: "3 February 2026", transports: { iconClass: "kcWebAuthnDefaultIcon", displayNameProperties: ["Internal"] } },
    ],
  },
};

export const Default: Story = { args: { kcContext: keys } };
export const StepUp: Story = {
  beforeEach: asSignedInUser,
  args: { kcContext: { ...keys, url: { loginAction: loginActionOfTab("story-step-up") }, auth: { showUsername: true, attemptedUsername: "alice" } } },
};
