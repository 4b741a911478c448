// Two projects: `unit` needs no server; `keycloak` shares one real Keycloak per run (global setup)
// and gives each test file its own realm, so files run in parallel without touching each other.
const transform = { "^.+\\.ts$": ["ts-jest", { useESM: true }] };
// Shared with jest.cluster.config.js.
export const common = {
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform,
  testEnvironment: "node",
  // Our packages, where code imports them by name (guard/examples), run from their TypeScript sources.
  testEnvironmentOptions: { customExportConditions: ["kc-assurance-source", "node", "node-addons"] },
  // A mutation run's sandbox copies of the tree (npm run mutation) are not this tree's modules.
  modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp/"],
};

export default {
  // Jest reads the timeout from the global config only; real servers and browsers need more than 5 s.
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    {
      ...common,
      displayName: "keycloak",
      testMatch: ["<rootDir>/test/keycloak/**/*.test.ts", "<rootDir>/test/browser/**/*.test.ts"],
      globalSetup: "<rootDir>/test/support/global-setup.js",
      globalTeardown: "<rootDir>/test/support/global-teardown.js",
    },
  ],
};
