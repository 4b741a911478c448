// Lint for the theme: TypeScript and React hooks rules; generated kc.gen.tsx and build output excluded.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist_keycloak/", "storybook-static/", "public/", "src/kc.gen.tsx"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": ["error",
        { object: "describe", property: "only", message: "no focused tests" },
        { object: "it", property: "only", message: "no focused tests" },
        { object: "test", property: "only", message: "no focused tests" }],
    },
  },
  { files: ["test/**", "jest.config.js"], languageOptions: { globals: { ...globals.jest, ...globals.node } } },
  { files: ["vite.config.ts", ".storybook/**"], languageOptions: { globals: { ...globals.node } } },
);
