import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-register.ftl" });

const meta = { title: "login/webauthn-register.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { isAppInitiatedAction: false } } };
export const FromAccountConsole: Story = { args: { kcContext: { isAppInitiatedAction: true, isSetRetry: false } } };
