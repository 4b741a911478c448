import { existsSync } from "node:fs";
import { join } from "node:path";
import { OWN_PAGES } from "../src/login/KcPage";

// Keycloakify users expect a story per page; a page added to the theme without one fails here.
const pascal = (pageId: string) => pageId.replace(/\.ftl$/, "").replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

describe("Storybook", () => {
  it.each(OWN_PAGES)("has stories for %s", (pageId) => {
    expect(existsSync(join(__dirname, "../src/login/pages", `${pascal(pageId)}.stories.tsx`))).toBe(true);
  });
});
