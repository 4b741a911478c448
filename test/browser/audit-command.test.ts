// kc-assurance audit on a realm provisioned from the example policy, after what its users really
// did through Chromium: avery (Tier 1) sets up an app and recovery codes, types a wrong app code,
// then signs in with a recovery code and sets both up again; sam (Tier 3) steps up to level 2 and
// later steps up with his app at a client that needs level 2, then is locked out by five wrong
// passwords; an admin removes avery's first app; two operators reset sam's MFA through our workflow.
// Each of those is one line, the recovery-code sign-in is told from a sign-in with the app, --user
// keeps one user's lines, and no secret reaches the output. A realm that stores no events says so.
import type { AuditLine } from "../../provisioning/audit/lines.js";
import { applyPolicy } from "../../provisioning/converge.js";
import { useBrowser } from "../support/browser.js";
import { runCli } from "../support/cli.js";
import { signIn } from "../support/oidc.js";
import {
  confirmRecoveryCodes, readRecoveryCodes, readTotpSecret, recoveryCodeNumber, submitRecoveryCode, submitTotp, submitTotpEnrolment,
  totpCode, tryAnotherWay, waitForPage,
} from "../support/pages.js";
import { enterUsernameAndPassword, examplePolicy, policyClient, tierUser } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { createUser, grantRealmRole, type TestUser } from "../support/users.js";

const realm = useFreshRealm("audit");
const bare = useFreshRealm("audit-bare");
const browser = useBrowser();
// Operators' tokens come from a password grant (level loa1, as in mfa-reset-api.test.ts).
const policy = examplePolicy((t) => t.replace(/ {2}level: loa3\n {2}maxAge: 10m/, "  level: loa1\n  maxAge: 1h"));

const secrets: string[] = [];
let avery: TestUser;
let sam: TestUser;

async function operatorToken(user: TestUser): Promise<string> {
  const res = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
    method: "POST", body: new URLSearchParams({ grant_type: "password", client_id: "kc-assurance-cli", username: user.username, password: user.password }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function resetCall(path: string, by: TestUser, body: unknown = {}): Promise<{ id: string }> {
  const res = await fetch(`${realm.issuer}/kca-mfa-reset/${path}`, {
    method: "POST", headers: { authorization: `Bearer ${await operatorToken(by)}`, "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return (await res.json()) as { id: string };
}

async function audit(...args: string[]): Promise<{ code: number; lines: AuditLine[]; out: string; err: string }> {
  const r = await runCli(realm, ["audit", "--realm", realm.name, "--since", "1h", "--format", "json", ...args]);
  return { ...r, lines: r.code === 0 ? (JSON.parse(r.out) as { lines: AuditLine[] }).lines : [] };
}

const say = (l: AuditLine) => `${l.user} ${l.kind}: ${l.what}`;

beforeAll(async () => {
  await applyPolicy(realm.admin, policy, realm.name);
  const cli = (await realm.admin.clients.find({ clientId: "kc-assurance-cli" }))[0]!;
  await realm.admin.clients.update({ id: cli.id! }, { directAccessGrantsEnabled: true });
  avery = await tierUser(realm, "avery", "tier-1-operators");
  sam = await tierUser(realm, "sam", "tier-3-standard-users");
  secrets.push(avery.password, sam.password);
  const self = await policyClient(realm, "self-service");
  const portal = await policyClient(realm, "admin-portal");

  let codes: string[] = [];
  await signIn(await (await browser.newContext()).newPage(), self, async (p) => {
    await enterUsernameAndPassword(p, avery);
    const secret = await readTotpSecret(p);
    secrets.push(secret);
    await submitTotpEnrolment(p, totpCode(secret), "Phone");
    codes = await readRecoveryCodes(p);
    await confirmRecoveryCodes(p);
  });
  secrets.push(...codes);
  await signIn(await (await browser.newContext()).newPage(), self, async (p) => {
    await enterUsernameAndPassword(p, avery);
    await submitTotp(p, "000000");
    await p.waitForSelector('[data-testid="field-error"]');
    await tryAnotherWay(p, "recovery");
    await submitRecoveryCode(p, codes[(await recoveryCodeNumber(p)) - 1]!);
    const secret = await readTotpSecret(p);
    secrets.push(secret);
    await submitTotpEnrolment(p, totpCode(secret), "New phone");
    secrets.push(...(await readRecoveryCodes(p)));
    await confirmRecoveryCodes(p);
  });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, self, (p) => enterUsernameAndPassword(p, sam));
  let samSecret = "";
  await signIn(page, self, async (p) => {
    samSecret = await readTotpSecret(p);
    await submitTotpEnrolment(p, totpCode(samSecret), "Phone");
  }, { acrValues: "urn:example:loa:2" });
  secrets.push(samSecret);
  const later = await (await browser.newContext()).newPage();
  await signIn(later, self, (p) => enterUsernameAndPassword(p, sam));
  await signIn(later, portal, (p) => submitTotp(p, totpCode(samSecret, 1)));

  // Five wrong passwords (the policy's maxFailures), slower than Keycloak's "quick login" check.
  const locked = await (await browser.newContext()).newPage();
  await locked.goto(`${realm.issuer}/account`);
  await waitForPage(locked, "login-username.ftl");
  await locked.fill("#username", sam.username);
  await locked.click("#kc-login");
  for (let i = 0; i < 5; i++) {
    await waitForPage(locked, "login-password.ftl");
    await locked.fill("#password", `wrong-${i}`);
    await locked.click("#kc-login");
    await locked.waitForTimeout(1200);
  }

  const first = (await realm.admin.users.getCredentials({ id: avery.id })).find((c) => c.type === "otp" && c.userLabel === "Phone")!;
  await realm.admin.users.deleteCredential({ id: avery.id, credentialId: first.id! });

  const [alice, bob] = await Promise.all([createUser(realm, "alice"), createUser(realm, "bob")]);
  await grantRealmRole(realm, alice.id, "identity-admins");
  await grantRealmRole(realm, bob.id, "security-owners");
  const request = await resetCall("requests", alice, { username: "sam", reason: "lost phone", ticket: "INC-7", proofing: "video check 7" });
  await resetCall(`requests/${request.id}/approve`, bob);
}, 300_000); // some ten browser sign-ins and a lockout

describe("kc-assurance audit", () => {
  it("reads every audited event into one line, oldest first", async () => {
    const { code, lines, err } = await audit();
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(lines.map(say)).toEqual([
      "avery enrolment: set up authenticator app (TOTP)",
      "avery enrolment: set up recovery codes",
      "avery second-factor: signed in after setting up recovery codes",
      "avery failed-challenge: wrong authenticator app code",
      "avery enrolment: set up authenticator app (TOTP)",
      "avery enrolment: set up recovery codes",
      "avery recovery-code: signed in with a recovery code; asked to set up an authenticator app and new recovery codes",
      "sam enrolment: set up authenticator app (TOTP)",
      "sam step-up: completed a step-up after setting up authenticator app (TOTP)",
      "sam step-up: completed a step-up with authenticator app (TOTP)",
      ...Array.from({ length: 5 }, () => "sam failed-challenge: wrong password"),
      expect.stringMatching(/^sam lockout: locked out after 5 failed attempts until \S+ \(server time\)$/),
      "avery removal: an admin removed authenticator app (TOTP) \"Phone\"",
      expect.stringMatching(/^sam admin-reset: MFA reset \S+ requested by alice: totp; reason "lost phone", ticket INC-7, proofing video check 7; 1 approval\(s\) needed$/),
      expect.stringMatching(/^sam admin-reset: MFA reset \S+ approved by bob \(1 of 1\)$/),
      expect.stringMatching(/^sam removal: removed authenticator app \(TOTP\) by the MFA reset \S+$/),
      expect.stringMatching(/^sam admin-reset: MFA reset \S+ carried out \(approved by bob\): removed otp, \d session\(s\) ended; e-mail: no: the realm has no SMTP settings$/),
    ]);
    expect(lines.find((l) => l.kind === "recovery-code")).toMatchObject({ factor: "recovery-codes", client: "self-service", result: "ok" });
    expect(lines.find((l) => l.what === "completed a step-up with authenticator app (TOTP)")).toMatchObject({ client: "admin-portal", level: "not recorded", factor: "totp" });
    expect(lines.find((l) => l.kind === "removal" && l.user === "avery")).toMatchObject({ by: `${realm.server.admin.username} (master)`, client: "admin-cli" });
    expect(lines.find((l) => l.what.includes("approved by bob"))).toMatchObject({ by: "bob", client: "kc-assurance-cli" });
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT/.test(l.time) && l.ip !== "")).toBe(true);
  });

  it("keeps one user's lines with --user, as a table or CSV, and never prints a secret", async () => {
    const only = await audit("--user", "avery");
    expect(new Set(only.lines.map((l) => l.user))).toEqual(new Set(["avery"]));
    expect(only.lines).toHaveLength(8);
    const table = await runCli(realm, ["audit", "--realm", realm.name, "--user", "avery"]);
    expect(table.out).toMatch(/^TIME +USER +WHAT +FACTOR +CLIENT +LEVEL +IP +RESULT +BY\n/);
    expect(table.out).toMatch(/\n\S+ +avery +signed in with a recovery code; asked to set up an authenticator app and new recovery codes +recovery-codes +self-service +- +\S+ +ok +-\n/);
    const csv = await runCli(realm, ["audit", "--realm", realm.name, "--format", "csv"]);
    expect(csv.out.split("\r\n")[0]).toBe("time,user,kind,what,factor,client,level,ip,result,by");
    for (const out of [JSON.stringify(await audit()), table.out, csv.out]) for (const s of secrets) expect(out).not.toContain(s);
    expect((await runCli(realm, ["audit", "--realm", realm.name, "--user", "nobody"])).err).toContain(`realm "${realm.name}" has no user "nobody"`);
  });

  it("on a realm that stores no events, says so instead of an empty trail that looks clean", async () => {
    const r = await runCli(realm, ["audit", "--realm", bare.name]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("no audited events in this period\n");
    expect(r.err).toContain(`warning: realm ${bare.name} stores no login events`);
    expect(r.err).toContain(`warning: realm ${bare.name} stores no admin events`);
  });
});
