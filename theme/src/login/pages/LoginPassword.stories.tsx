import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-password.ftl" });

const meta = { title: "login/login-password.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { auth: { showUsername: true, attemptedUsername: "alice" } } } };
export const WrongPassword: Story = {
  args: {
    kcContext: {
      auth: { showUsername: true, attemptedUsername: "alice" },
      messagesPerField: { existsError: () => true, getFirstError: () => "Invalid password." },
    },
  },
};
