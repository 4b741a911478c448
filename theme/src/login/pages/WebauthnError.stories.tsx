import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-error.ftl" });

const meta = { title: "login/webauthn-error.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const failed = { message: { type: "error" as const, summary: "Failed to authenticate by the passkey." } };

export const Default: Story = { args: { kcContext: { ...failed, isAppInitiatedAction: false, auth: { showTryAnotherWayLink: true } } } };
export const DuringSetUpFromAccount: Story = { args: { kcContext: { ...failed, isAppInitiatedAction: true } } };
