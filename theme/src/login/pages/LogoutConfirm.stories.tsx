import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "logout-confirm.ftl" });

const meta = { title: "login/logout-confirm.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const German: Story = { args: { kcContext: { locale: { currentLanguageTag: "de" } } } };
export const WithWayBack: Story = { args: { kcContext: { client: { baseUrl: "https://app.example.com" } } } };
