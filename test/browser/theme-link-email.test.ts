// The brokered sign-in's e-mail check in our design on a real Keycloak: a realm with e-mail set up
// (the tests' SMTP server) proves a first brokered sign-in owns the matching existing account by
// e-mail. Our "check your e-mail" page (login-idp-link-email.ftl), the message Keycloak sends, and
// its link finishing the sign-in with the accounts linked.
import { brokeredStart, provisionBrokeredTheme } from "../support/brokered-theme.js";
import { useBrowser } from "../support/browser.js";
import { signIn } from "../support/oidc.js";
import { accessibilityViolations, pageVariants, waitForPage } from "../support/pages.js";
import { useFreshRealm } from "../support/realm.js";
import { pointRealmAtSmtp, startSmtp, type SmtpServer } from "../support/smtp.js";
import { screenshot } from "../support/theme-fixtures.js";
import { localTwin, upstreamSignIn, upstreamUser } from "../support/upstream.js";

const local = useFreshRealm("theme-link-email");
const upstream = useFreshRealm("theme-link-email-up");
const browser = useBrowser();
let smtp: SmtpServer;

beforeAll(async () => {
  await provisionBrokeredTheme(local, upstream);
  smtp = await startSmtp();
  await pointRealmAtSmtp(local, smtp);
});
afterAll(async () => smtp?.close());

it("asks the user to confirm by e-mail in our page, and the e-mailed link links the accounts", async () => {
  const up = await upstreamUser(upstream, "yara", { totp: false });
  const localId = await localTwin(local, up, "yara-local");
  const { client, context, page, console } = await brokeredStart(local, browser);

  await signIn(page, client, async (p) => {
    await waitForPage(p, "login-username.ftl");
    await p.click("#social-partner");
    await upstreamSignIn(p, up, false);
    await waitForPage(p, "login-idp-link-confirm.ftl");
    await p.click("#linkAccount");
    await waitForPage(p, "login-idp-link-email.ftl");
    // The provider's name for the user is theirs, not the existing account's (yara-local).
    expect(await p.locator(".kca-card p").first().textContent()).toBe(
      `To link your Corp partner account ${up.username} to your existing account at ${local.name}, we sent an email to your existing account's address. Open the link in it.`,
    );
    expect(await accessibilityViolations(p)).toEqual([]);
    await screenshot(p, "broker-link-email");
    // English only, as the other first-broker-login pages: a language link restarts the browser flow.
    expect(await pageVariants(p, "broker-link-email", "en")).toEqual([]);

    const mail = await smtp.waitFor((m) => m.to.includes(`${up.username}@corp.example.test`), 20_000);
    const link = /https?:\/\/\S+login-actions\/action-token\?\S+/.exec(mail.text ?? "")?.[0];
    expect(link).toBeDefined();
    // The link finishes the sign-in in this tab: its answer is the redirect to the client, which
    // signIn() intercepts, so the navigation itself may end without a page.
    await p.goto(link!, { waitUntil: "commit" }).catch(() => undefined);
  });
  const links = await local.admin.users.listFederatedIdentities({ id: localId });
  expect(links.map((l) => l.identityProvider)).toEqual(["partner"]);
  expect(console.errors).toEqual([]);
  await context.close();
});
