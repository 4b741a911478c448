// Lint for the TypeScript tooling; the theme carries its own React-specific rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // .stryker-tmp/ holds a mutation run's sandbox copies of the tree while `npm run mutation` runs;
  // *.generated.ts are written by scripts (scripts/policy/schema-validator.ts).
  { ignores: ["node_modules/", "**/dist/", "theme/", "test-results/", "bench-results/", ".stryker-tmp/", "reports/", "**/*.generated.ts"] },
  js.configs.recommended,
  // Plain JavaScript entry points run on Node (TypeScript files get Node's globals from @types/node).
  { files: ["**/*.js"], languageOptions: { globals: { process: "readonly", console: "readonly" } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": ["error",
        { object: "describe", property: "only", message: "no focused tests" },
        { object: "it", property: "only", message: "no focused tests" },
        { object: "test", property: "only", message: "no focused tests" }],
    },
  },
);
