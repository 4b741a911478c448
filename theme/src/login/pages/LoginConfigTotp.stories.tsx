import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-config-totp.ftl" });

const meta = { title: "login/login-config-totp.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const ManualKey: Story = { args: { kcContext: { mode: "manual" } } };
export const WrongCode: Story = {
  args: { kcContext: { messagesPerField: { existsError: (f: string) => f === "totp", get: () => "Invalid authenticator code." } } },
};
export const SecondAppFromAccount: Story = {
  args: { kcContext: { isAppInitiatedAction: true, totp: { otpCredentials: [{ id: "c1", userLabel: "Old phone" }] } } },
};
