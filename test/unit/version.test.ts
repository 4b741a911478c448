import { readFileSync } from "node:fs";
import { parseDotEnv, keycloakVersion, repoRoot } from "../../scripts/keycloak/version.js";

describe("the pinned Keycloak version", () => {
  it("is a 26.x release", () => {
    expect(keycloakVersion).toMatch(/^26\.\d+\.\d+$/);
  });

  it("matches the installed admin client exactly", () => {
    const pkg = JSON.parse(readFileSync(`${repoRoot}node_modules/@keycloak/keycloak-admin-client/package.json`, "utf8")) as { version: string };
    // The CLI package (provisioning/) is the one that depends on it.
    const declared = (JSON.parse(readFileSync(`${repoRoot}provisioning/package.json`, "utf8")) as { dependencies: Record<string, string> }).dependencies;
    expect(pkg.version).toBe(keycloakVersion);
    expect(declared["@keycloak/keycloak-admin-client"]).toBe(keycloakVersion);
  });

  it("is named in docker-compose.yml only through the .env variable", () => {
    const compose = readFileSync(`${repoRoot}docker-compose.yml`, "utf8");
    expect(compose).toContain("quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}");
    expect(compose).not.toMatch(/\b26\.\d+\.\d+\b/);
  });
});

describe("parseDotEnv", () => {
  it("reads assignments and ignores comments and blank lines", () => {
    expect(parseDotEnv("# c\n\nA=1\n B = 'two' \n#C=3\nD=\"x y\"")).toEqual({ A: "1", B: "two", D: "x y" });
  });
});
