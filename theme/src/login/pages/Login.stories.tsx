import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login.ftl" });

const meta = { title: "login/login.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithPasskeys: Story = { args: { kcContext: { enableWebAuthnConditionalUI: true, mediation: "none" } } };
export const WrongPassword: Story = {
  args: { kcContext: { messagesPerField: { existsError: () => true, getFirstError: () => "Invalid username or password." } } },
};
