import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "error.ftl" });

const meta = { title: "login/error.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const German: Story = { args: { kcContext: { locale: { currentLanguageTag: "de" } } } };
export const LevelNotAllowed: Story = {
  args: { kcContext: { message: { type: "error", summary: "Your account may not use the sign-in methods this application asks for. Contact your administrator." } } },
};
export const PasskeyNotAllowed: Story = {
  args: { kcContext: { message: { type: "error", summary: "Your account may not sign in with a passkey. Start again and sign in with your password." } } },
};
