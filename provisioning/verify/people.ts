// The throwaway users a run signs in as: one per tier it needs, each with its own browser context
// and virtual authenticator, removed at the end of the run.
import type { Browser, Page } from "playwright-core";
import { createUserWithPassword, grantRealmRole, joinGroup, type PasswordUser } from "../admin/users.js";
import { REDIRECT_URI, signIn, type TestClient } from "../browser/oidc.js";
import { currentPageId, enterUsernameAndPassword } from "../browser/pages.js";
import { answerSteps, type Enrolled } from "../browser/steps.js";
import { addVirtualAuthenticator } from "../browser/webauthn.js";
import type { Tier } from "../policy/model.js";
import type { RunContext } from "./run-context.js";

export interface Person {
  readonly user: PasswordUser;
  readonly tier: Tier;
  /** One page for all the person's sign-ins: its virtual authenticator keeps their keys. */
  readonly page: Page;
  readonly enrolled: Enrolled;
}

/** A user of the tier with a password, in a browser of their own; `roles` are realm roles to hold too. */
export async function throwawayPerson(run: RunContext, browser: Browser, tier: Tier, roles: readonly string[] = []): Promise<Person> {
  const username = `${run.prefix}-t${tier.tier}`;
  const user = await createUserWithPassword(run.admin, run.realm, username);
  run.throwaway.push(username);
  run.users.push(user);
  run.onCleanup(() => run.admin.users.del({ realm: run.realm, id: user.id }));
  run.secrets.push({ label: `the password of ${username}`, value: user.password });
  if (tier.group) await joinGroup(run.admin, run.realm, user.id, tier.group);
  for (const role of [...(tier.role ? [tier.role] : []), ...roles]) await grantRealmRole(run.admin, run.realm, user.id, role);
  const context = await browser.newContext();
  run.onCleanup(() => context.close());
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  return { user, tier, page, enrolled: {} };
}

/** Keeps what the person has set up so far (again after a renewal) as secrets V6 looks for. */
export function rememberSecrets(run: RunContext, person: Person): void {
  const name = person.user.username;
  const found = [
    ...(person.enrolled.totpSecret ? [{ label: `a TOTP key of ${name}`, value: person.enrolled.totpSecret }] : []),
    ...(person.enrolled.recoveryCodes ?? []).map((value, i) => ({ label: `recovery code ${i + 1} of ${name}`, value })),
  ];
  run.secrets.push(...found.filter((f) => !run.secrets.some((s) => s.value === f.value)));
}

export interface Answering {
  /** Which TOTP window's code to give (codes are single-use: each sign-in of a person takes a later one). */
  readonly periodsAhead: number;
  readonly onPage?: (page: Page, id: string) => Promise<unknown>;
}

/** A sign-in from a clean slate (no session cookie) answering every page; returns the pages seen and the token's acr. */
export async function signInAnswering(person: Person, client: TestClient, how: Answering): Promise<{ seen: string[]; acr: unknown }> {
  await person.page.context().clearCookies();
  const seen: string[] = [];
  const tokens = await signIn(person.page, client, (p) => answerSteps(p, person.enrolled, seen, how.periodsAhead, person.user, how.onPage));
  return { seen, acr: tokens.claims()?.acr };
}

/** A sign-in from a clean slate that ends where `interact` leaves it, after the password: no code is redeemed. */
export async function signInAbandoned(person: Person, client: TestClient, interact: (page: Page) => Promise<void>): Promise<void> {
  await person.page.context().clearCookies();
  await signIn(person.page, client, async (p) => {
    await enterUsernameAndPassword(p, person.user);
    await interact(p);
    throw new StoppedThere();
  }).catch((e: Error) => {
    if (!(e instanceof StoppedThere)) throw e;
  });
}

/** Said by nextPageAfter when the browser left Keycloak for the client: an authorization code was issued. */
export const CALLBACK = "the client's callback";

/** The id of the next page Keycloak shows after `from` (e.g. after a form was sent from it), or CALLBACK. */
export async function nextPageAfter(page: Page, from: readonly string[]): Promise<string> {
  await page.waitForFunction(([ids, callback]) => {
    const id = (window as { kcContext?: { pageId?: string } }).kcContext?.pageId;
    return location.href.startsWith(callback) || (id !== undefined && !ids.includes(id));
  }, [from, REDIRECT_URI] as const);
  return page.url().startsWith(REDIRECT_URI) ? CALLBACK : ((await currentPageId(page)) ?? "");
}

class StoppedThere extends Error {}
