import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "info.ftl" });

const meta = { title: "login/info.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const German: Story = { args: { kcContext: { locale: { currentLanguageTag: "de" } } } };
export const ActionFromEmail: Story = {
  args: { kcContext: { messageHeader: "Perform the following action(s)", requiredActions: ["CONFIGURE_TOTP", "UPDATE_PASSWORD"], actionUri: "#", message: { type: "info", summary: "" } } },
};
