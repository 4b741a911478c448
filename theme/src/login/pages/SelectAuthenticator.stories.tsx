import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "select-authenticator.ftl" });

const meta = { title: "login/select-authenticator.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: {
    kcContext: {
      auth: {
        authenticationSelections: [
          { authExecId: "a", displayName: "otp-display-name", helpText: "otp-help-text" },
          { authExecId: "b", displayName: "webauthn-display-name", helpText: "webauthn-help-text" },
          { authExecId: "c", displayName: "recovery-authn-codes-display-name", helpText: "recovery-authn-codes-help-text" },
        ],
      },
    },
  },
};
