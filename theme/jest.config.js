// Unit tests of the pages: jsdom + Testing Library, rendered from Keycloakify's kcContext mocks.
// Keycloakify ships ES modules without "type": "module", so it is transformed like our sources.
/** @type {import("jest").Config} */
export default {
  testEnvironment: "jsdom",
  roots: ["<rootDir>/test"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  moduleNameMapper: {
    "\\.css$": "<rootDir>/test/styleStub.ts",
    // Keycloakify's mocks find their base URL through import.meta, which CommonJS cannot parse.
    "^(keycloakify|\\.\\./\\.\\.)/lib/BASE_URL$": "<rootDir>/test/baseUrlStub.ts",
  },
  transform: {
    "^.+\\.(t|j)sx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          target: "es2022",
          allowJs: true,
          esModuleInterop: true,
          isolatedModules: true,
        },
        diagnostics: false,
      },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!(keycloakify|tsafe)/)"],
};
