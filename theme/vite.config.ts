// Vite builds the React bundle; the Keycloakify plugin turns it into the theme (.ftl pages, messages,
// theme.properties) that `keycloakify build` packs into a jar. Only the jar for Keycloak 26 is made.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
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

// Keycloakify serialises no realm attributes into a page. One is ours: the policy facts
// `kc-assurance apply` writes (realm attribute kcaThemePolicy, see src/login/policyFacts.ts). This
// line, added to every page template, passes it as a string (JSON.parse'd by the page; js_string
// escapes quotes and "</" so it cannot end the script). A template without the anchor fails the build.
const FTL_ANCHOR = "<@addNonAutomaticallyGatherableMessagesToXKeycloakifyMessages />";
const FTL_POLICY_FACTS =
  "\n<#-- kc-assurance: the realm's policy facts (theme/src/login/policyFacts.ts) -->\n" +
  '<#attempt>kcContext.kcaThemePolicy = "${((realm.getAttribute("kcaThemePolicy"))!"")?js_string?no_esc}";' +
  '<#recover>kcContext.kcaThemePolicy = "";</#attempt>\n';

async function addPolicyFacts(loginDir: string) {
  for (const file of (await readdir(loginDir)).filter((f) => f.endsWith(".ftl"))) {
    const path = join(loginDir, file);
    const ftl = await readFile(path, "utf8");
    if (!ftl.includes(FTL_ANCHOR)) throw new Error(`${file}: no "${FTL_ANCHOR}" to add the policy facts after (Keycloakify changed its template?)`);
    await writeFile(path, ftl.replace(FTL_ANCHOR, FTL_ANCHOR + FTL_POLICY_FACTS));
  }
}

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
          await addPolicyFacts(join("theme", themeName, "login"));
        }
      },
    }),
  ],
  build: {
    // Keycloak serves the theme to current browsers only; no legacy transpilation.
    target: "es2022",
  },
}));
