import type { Meta, StoryObj } from "@storybook/react-vite";
import { asSignedInUser, createKcPageStory, loginActionOfTab } from "../KcPageStory";

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
/** What kc-assurance apply tells the theme for a realm where some tiers are asked at every sign-in. */
export const WithPolicyFacts: Story = {
  args: { kcContext: { kcaThemePolicy: JSON.stringify({ v: 1, asked: { totp: "depends" } }), totp: { username: "alice" } } },
};
export const StepUp: Story = {
  beforeEach: asSignedInUser,
  args: { kcContext: { url: { loginAction: loginActionOfTab("story-step-up") }, totp: { username: "alice" } } },
};
export const German: Story = { args: { kcContext: { locale: { currentLanguageTag: "de" }, totp: { username: "alice" } } } };
