// One browser per test file (provisioning/browser/chromium.ts launches it).
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser } from "../../provisioning/browser/chromium.js";

export { CHROMIUM_PATH, launchBrowser } from "../../provisioning/browser/chromium.js";

/** Opens a browser for the test file's lifetime; each test should take a new context from it. */
export function useBrowser(): { newContext(): Promise<BrowserContext> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newContext: () => {
      if (!browser) throw new Error("useBrowser: the browser exists only inside tests");
      return browser.newContext();
    },
  };
}
