import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";

const { KcPageStory } = createKcPageStory({ pageId: "login-recovery-authn-code-config.ftl" });

const meta = { title: "login/login-recovery-authn-code-config.ftl", component: KcPageStory } satisfies Meta<typeof KcPageStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const FromAccountConsole: Story = { args: { kcContext: { isAppInitiatedAction: true } } };
/** The example policy: codes stand in for the app or the key at level 2, not for the key at level 3. */
export const WithPolicyFacts: Story = {
  args: { kcContext: { kcaThemePolicy: JSON.stringify({ v: 1, recoveryCodes: { replaces: ["totp", "webauthn"], notFor: ["webauthn"] } }) } },
};
export const German: Story = {
  args: {
    kcContext: {
      locale: { currentLanguageTag: "de" },
      kcaThemePolicy: JSON.stringify({ v: 1, recoveryCodes: { replaces: ["totp", "webauthn"], notFor: ["webauthn"] } }),
    },
  },
};
