import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-recovery-authn-code-input.ftl" });

const meta = { title: "login/login-recovery-authn-code-input.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { recoveryAuthnCodesInputBean: { codeNumber: 4 } } } };
export const WrongCode: Story = {
  args: {
    kcContext: {
      recoveryAuthnCodesInputBean: { codeNumber: 4 },
      messagesPerField: { existsError: (f: string) => f === "recoveryCodeInput", get: () => "Invalid recovery authentication code" },
    },
  },
};
