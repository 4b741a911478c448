// Vite builds the React bundle; the Keycloakify plugin turns it into the theme (.ftl pages, messages,
// theme.properties) that `keycloakify build` packs into a jar. Only the jar for Keycloak 26 is made.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { keycloakify } from "keycloakify/vite-plugin";
import { defineConfig } from "vite";

// The jar ships Preact's React-compatible runtime instead of react-dom: the same React code at
// about 13 KB gzipped instead of about 57 KB, which keeps the pages within the byte budget
// (half of Keycloak's own theme, see bench/theme.bench.ts). Tests and Storybook run real React; the
// browser tests run the built jar.
const preactForReact = {
  "react-dom/client": "preact/compat/client",
  "react-dom": "preact/compat",
  "react/jsx-runtime": "preact/jsx-runtime",
  "react/jsx-dev-runtime": "preact/jsx-runtime",
  react: "preact/compat",
};

export default defineConfig(({ command }) => ({
  resolve: { alias: command === "build" ? preactForReact : {} },
  plugins: [
    react(),
    keycloakify({
      themeName: "kc-assurance",
      accountThemeImplementation: "none",
      keycloakVersionTargets: { "22-to-25": false, "all-other-versions": "kc-assurance-theme.jar" },
      // Every page, ours and Keycloakify's fallbacks, is styled by our own CSS (doUseDefaultCss is
      // false), so the PatternFly copies Keycloakify always adds are dead weight in the jar. The
      // js/ folder stays: authChecker.js (sign-in finished in another tab) is loaded from it.
      postBuild: async (buildContext) => {
        for (const themeName of buildContext.themeNames) {
          for (const dir of ["resources-common", "css", "img"]) {
            await rm(join("theme", themeName, "login", "resources", dir), { recursive: true, force: true });
          }
        }
      },
    }),
  ],
  build: {
    // Keycloak serves the theme to current browsers only; no legacy transpilation.
    target: "es2022",
  },
}));
