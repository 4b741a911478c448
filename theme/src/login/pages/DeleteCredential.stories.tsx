import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "delete-credential.ftl" });

const meta = { title: "login/delete-credential.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const tier1 = JSON.stringify({ v: 1, asked: { totp: "every-sign-in" }, tiers: [{ role: "kca-tier-1", asked: { totp: "every-sign-in" }, mustHold: ["totp", "recovery-codes"] }], noTier: { totp: "step-up" } });

export const Default: Story = {};
export const LastAppOfATierThatMustHoldOne: Story = {
  args: { kcContext: { credentialLabel: "Phone", kcaDeleting: "otp", kcaCredentials: { password: 1, otp: 1, "recovery-authn-codes": 1 }, kcaTiers: ["kca-tier-1"], kcaThemePolicy: tier1 } },
};
export const LastSecondMethodStepUpOnly: Story = {
  args: { kcContext: { credentialLabel: "otp", kcaDeleting: "otp", kcaCredentials: { password: 1, otp: 1 }, kcaTiers: [], kcaThemePolicy: tier1 } },
};
export const German: Story = {
  args: { kcContext: { locale: { currentLanguageTag: "de" }, credentialLabel: "Phone", kcaDeleting: "otp", kcaCredentials: { otp: 1 }, kcaTiers: ["kca-tier-1"], kcaThemePolicy: tier1 } },
};
