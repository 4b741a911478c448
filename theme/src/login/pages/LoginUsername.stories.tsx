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
