// Mutation testing of the pure core with the `unit` Jest project (`npm run mutation`, see README).
// Stryker's own break threshold is global; scripts/mutation/run.ts holds each folder to its own.
import jestConfig from "./jest.config.js";

const unit = jestConfig.projects.find((project) => project.displayName === "unit");

export default {
  testRunner: "jest",
  jest: { configFile: "jest.config.js", config: { projects: [unit] } },
  testRunnerNodeArgs: ["--experimental-vm-modules", "--disable-warning=ExperimentalWarning"],
  coverageAnalysis: "perTest",
  // Static mutants (module-level code, such as constant tables, run once at import) cannot be
  // switched per test: each costs a reload and every related test, which here makes a run take hours
  // instead of minutes. They are left out (the report lists them as Ignored, run.ts counts them per
  // folder); MUTATION_STATIC=1 npm run mutation includes them.
  ignoreStatic: process.env.MUTATION_STATIC !== "1",
  // Equivalent mutants are marked in the source, one line each with its reason, never wholesale:
  // `git grep -n "Stryker disable" -- provisioning guard` lists them.
  mutate: [
    "provisioning/policy/**/*.ts",
    "!provisioning/policy/**/*.generated.ts",
    "provisioning/compile/**/*.ts",
    "provisioning/plan/**/*.ts",
    "guard/core/**/*.ts",
  ],
  // The sandbox needs the TypeScript sources and the unit tests' fixtures, not the theme, the Java
  // extensions or the server and browser tests; but the packages unit test reads the theme's
  // package.json and the extensions' pom.xml for their versions.
  ignorePatterns: [
    "/theme/*", "!/theme/package.json", "/extensions/*", "!/extensions/pom.xml",
    "/test-results", "/bench-results", "/test/keycloak", "/test/browser", "/dist",
  ],
  concurrency: 2,
  // A mutant's tests may take this much longer than without it before it counts as a hang (killed):
  // generous, as the machines share their two cores with a running Keycloak.
  timeoutMS: 15_000,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
};
