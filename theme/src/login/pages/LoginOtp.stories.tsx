import type { Meta, StoryObj } from "@storybook/react-vite";
import { asSignedInUser, createKcPageStory, loginActionOfTab } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-otp.ftl" });

const meta = { title: "login/login-otp.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const oneApp = { otpLogin: { userOtpCredentials: [{ id: "c1", userLabel: "Work phone" }] } };
const invalidCode = {
  messagesPerField: { existsError: (f: string) => f === "totp", get: () => "Invalid authenticator code." },
};

export const Default: Story = { args: { kcContext: { ...oneApp, auth: { showUsername: true, attemptedUsername: "alice" } } } };
export const SeveralApps: Story = {};
export const WrongCode: Story = { args: { kcContext: { ...oneApp, ...invalidCode } } };
export const StepUp: Story = {
  beforeEach: asSignedInUser,
  args: { kcContext: { ...oneApp, url: { loginAction: loginActionOfTab("story-step-up") }, auth: { showUsername: true, attemptedUsername: "alice" } } },
};
export const WithTryAnotherWay: Story = { args: { kcContext: { ...oneApp, auth: { showTryAnotherWayLink: true } } } };
export const German: Story = { args: { kcContext: { ...oneApp, locale: { currentLanguageTag: "de" } } } };
