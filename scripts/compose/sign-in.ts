// Signs a Tier 3 user in through our theme on a realm applied at KEYCLOAK_URL (the compose path),
// with the test harness's own browser and OIDC pieces, and prints what the token says.
import { randomBytes } from "node:crypto";
import { connectAdmin } from "../../provisioning/admin/connect.js";
import { launchBrowser } from "../../test/support/browser.js";
import { createTestClient, signIn } from "../../test/support/oidc.js";
import { currentPageId } from "../../test/support/pages.js";
import { enterUsernameAndPassword } from "../../test/support/provisioned.js";
import { createUser } from "../../test/support/users.js";

const realm = process.argv[2];
const baseUrl = process.env.KEYCLOAK_URL;
if (!realm || !baseUrl) throw new Error("usage: KEYCLOAK_URL=... tsx scripts/compose/sign-in.ts <realm>");
const credentials = { username: process.env.KEYCLOAK_ADMIN_USERNAME ?? "admin", password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? "admin" };
const admin = await connectAdmin(baseUrl, { kind: "password", ...credentials });
admin.setConfig({ realmName: realm });
const fresh = { name: realm, admin, server: { baseUrl, selfUrl: baseUrl, hostFromServer: "localhost", admin: credentials }, issuer: `${baseUrl}/realms/${realm}` };

const user = await createUser(fresh, `smoke-${randomBytes(3).toString("hex")}`, { groups: ["tier-3-standard-users"] });
const client = await createTestClient(fresh, "compose-smoke");
const browser = await launchBrowser();
try {
  let theme: string | undefined;
  const tokens = await signIn(await browser.newPage(), client, async (page) => {
    theme = await page.waitForFunction(() => (window as { kcContext?: { pageId?: string } }).kcContext?.pageId).then(() => currentPageId(page));
    await enterUsernameAndPassword(page, user);
  }, { acrValues: "urn:example:loa:1" });
  const acr = tokens.claims()?.acr;
  if (theme !== "login-username.ftl" || acr !== "urn:example:loa:1") throw new Error(`unexpected sign-in: first page ${String(theme)}, acr ${String(acr)}`);
  process.stdout.write(`compose path: realm ${realm} applied, ${user.username} signed in through our theme (${theme}), acr ${acr}\n`);
} finally {
  await browser.close();
  await admin.realms.del({ realm });
}
