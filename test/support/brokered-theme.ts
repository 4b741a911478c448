// What the theme's tests of brokered sign-in pages share: a local realm provisioned from the example
// policy, in our theme, with an upstream realm as identity provider "partner"; and the start of a
// sign-in there, in a browser context of its own with its console watched.
import type { BrowserContext, Page } from "playwright-core";
import type { TestClient } from "./oidc.js";
import { policyClient, provision } from "./provisioned.js";
import type { FreshRealm } from "./realm.js";
import { useOurTheme, watchConsole } from "./theme-fixtures.js";
import { addIdentityProvider, provisionUpstream } from "./upstream.js";

export async function provisionBrokeredTheme(local: FreshRealm, upstream: FreshRealm): Promise<void> {
  await provisionUpstream(upstream);
  await addIdentityProvider(local, upstream, "partner");
  await provision(local);
  await useOurTheme(local);
}

export interface BrokeredStart {
  readonly client: TestClient;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly console: { errors: string[] };
}

/** The example policy's self-service client, and a fresh page to sign in to it from. */
export async function brokeredStart(local: FreshRealm, browser: { newContext(): Promise<BrowserContext> }): Promise<BrokeredStart> {
  const client = await policyClient(local, "self-service");
  const context = await browser.newContext();
  const page = await context.newPage();
  return { client, context, page, console: watchConsole(page) };
}
