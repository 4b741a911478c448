import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-reset-otp.ftl" });

const meta = { title: "login/login-reset-otp.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: {
    kcContext: {
      configuredOtpCredentials: {
        userOtpCredentials: [
          { id: "a", userLabel: "Old phone" },
          { id: "b", userLabel: "Tablet" },
        ],
        selectedCredentialId: "a",
      },
    },
  },
};
