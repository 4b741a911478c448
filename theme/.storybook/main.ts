import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../src/**/*.stories.tsx"],
  framework: {
    name: "@storybook/react-vite",
    // Stories run real React without the Keycloakify plugin (see .storybook/vite.config.ts).
    options: { builder: { viteConfigPath: ".storybook/vite.config.ts" } },
  },
};

export default config;
