import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-idp-link-confirm.ftl" });

const meta = { title: "login/login-idp-link-confirm.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const German: Story = { args: { kcContext: { locale: { currentLanguageTag: "de" } } } };
export const WithKeycloakMessage: Story = {
  args: { kcContext: { idpAlias: "partner", message: { type: "error", summary: "User with email zoe@corp.example already exists. How do you want to continue?" } } },
};
