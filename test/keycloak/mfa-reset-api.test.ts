// The MFA reset workflow's API (our provider, /realms/{realm}/kca-mfa-reset) on a real Keycloak:
// who may call it, the two-person rule, a reset carried out when approvals are complete, two
// approvals that meet, expiry, cancellation, the admin events that tell the story, and what a
// manage-users admin can and cannot do. Operators' tokens come from a password grant here (the
// policy's level is set to loa1 and the CLI client allows the grant in this realm only); the
// browser test mfa-reset.test.ts takes the real path: kc-assurance reset, step-up, e-mail.
import { setTimeout as sleep } from "node:timers/promises";
import { applyPolicy } from "../../provisioning/converge.js";
import { totpCode } from "../support/pages.js";
import { examplePolicy } from "../support/provisioned.js";
import { useFreshRealm } from "../support/realm.js";
import { createUserWithTotp, type TotpUser } from "../support/theme-fixtures.js";
import { createUser, grantRealmRole, type TestUser } from "../support/users.js";

const realm = useFreshRealm("mfa-reset-api");
const CLIENT = "kc-assurance-cli";

/** The example policy's reset section with level loa1 (password-grant tokens reach it) and `edit` applied. */
const policy = (edit: (t: string) => string = (t) => t) =>
  examplePolicy((t) => edit(t.replace(/ {2}level: loa3\n {2}maxAge: 10m/, "  level: loa1\n  maxAge: 1h").replace("  # approvals: { 0: 2, 1: 2 }", "  approvals: { 0: 2 }")));

let alice: TestUser; // identity-admins: requests and approves
let dave: TestUser; // identity-admins
let bob: TestUser; // security-owners: approves only
let carol: TestUser; // no role
let tina: TotpUser; // tier 0, the one who lost her phone
let tom: TotpUser; // tier 2: one approval

beforeAll(async () => {
  await applyPolicy(realm.admin, policy(), realm.name);
  const client = (await realm.admin.clients.find({ clientId: CLIENT }))[0]!;
  await realm.admin.clients.update({ id: client.id! }, { directAccessGrantsEnabled: true });
  [alice, dave, bob, carol] = await Promise.all([createUser(realm, "alice"), createUser(realm, "dave"), createUser(realm, "bob"), createUser(realm, "carol")]);
  await Promise.all([grantRealmRole(realm, alice.id, "identity-admins"), grantRealmRole(realm, dave.id, "identity-admins"), grantRealmRole(realm, bob.id, "security-owners")]);
  tina = await userWithOtp("tina", "tier-0-platform-admins");
  tom = await userWithOtp("tom", "tier-2-project-owners");
});

/** A user of a tier group with an authenticator app set up. */
async function userWithOtp(username: string, group: string): Promise<TotpUser> {
  const user = await createUserWithTotp(realm, username, ["Phone"], { groups: [group] });
  expect((await realm.admin.users.getCredentials({ id: user.id })).map((c) => c.type)).toContain("otp");
  return user;
}

/** A password-grant token; users with an authenticator app also give its code (Keycloak's direct-grant flow asks it). */
async function token(user: TestUser | TotpUser, clientId = CLIENT): Promise<{ access: string; refresh: string }> {
  const res = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "password", client_id: clientId, username: user.username, password: user.password, scope: "openid",
      ...("totpSecrets" in user ? { totp: totpCode(user.totpSecrets[0]!) } : {}),
    }),
  });
  const body = (await res.json()) as { access_token: string; refresh_token: string };
  expect(res.status).toBe(200);
  return { access: body.access_token, refresh: body.refresh_token };
}

interface Answer { status: number; body: Record<string, unknown> & { error?: string; error_description?: string } }

async function call(method: string, path: string, bearer?: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${realm.issuer}/kca-mfa-reset/${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

const request = async (by: TestUser, user: TestUser, extra: Record<string, unknown> = {}) =>
  call("POST", "requests", (await token(by)).access, { username: user.username, reason: "lost phone", ticket: "INC-1042", proofing: "ID check by video, case 77", ...extra });
const approve = async (by: TestUser, id: unknown) => call("POST", `requests/${String(id)}/approve`, (await token(by)).access);

describe("who may call", () => {
  it("tells anyone how to sign in for it, and nothing more without a token", async () => {
    expect(await call("GET", "sign-in")).toEqual({ status: 200, body: { client: CLIENT, acr: "urn:example:loa:1", maxAge: 3600 } });
    expect((await call("GET", "requests")).status).toBe(401);
    expect((await call("POST", "requests", "not-a-token", {})).status).toBe(401);
  });

  it("refuses tokens of other clients, users without a role, and approvers who request", async () => {
    const other = await call("GET", "requests", (await token(alice, "admin-cli")).access);
    expect(other).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(other.body.error_description).toContain(`"${CLIENT}"`);
    expect((await call("GET", "requests", (await token(carol)).access)).status).toBe(403);
    const byApprover = await request(bob, tina);
    expect(byApprover.status).toBe(403);
    expect(byApprover.body.error_description).toMatch(/may request.*identity-admins/);
  });

  it("refuses a request of one's own account, without proofing, or naming an unknown factor", async () => {
    expect((await request(alice, alice)).body.error_description).toMatch(/your own account/);
    expect((await request(alice, tina, { proofing: "" })).body.error_description).toMatch(/identity proofing/);
    expect((await request(alice, tina, { factors: ["sms"] })).body.error_description).toMatch(/unknown factor "sms"/);
    expect((await request(alice, carol)).status).toBe(409); // carol has no second factor to reset
  });
});

describe("a Tier 0 reset (two approvals besides the requester)", () => {
  let id: unknown;
  let tinaSession: { access: string; refresh: string };

  it("is requested, refused to its requester, approved once by each other operator, then carried out", async () => {
    tinaSession = await token(tina);
    const created = await request(alice, tina);
    expect(created).toMatchObject({ status: 201, body: { status: "open", factors: ["totp"], needed: 2, requester: { username: "alice" }, user: { username: "tina" } } });
    id = created.body.id;

    expect(await approve(alice, id)).toMatchObject({ status: 409, body: { error_description: expect.stringMatching(/someone else must approve/) } });
    expect(await approve(bob, id)).toMatchObject({ status: 200, body: { status: "open", approvals: [{ by: { username: "bob" } }] } });
    expect(await approve(bob, id)).toMatchObject({ status: 409, body: { error_description: expect.stringMatching(/already approved/) } });
    // Still Tina's phone until the second approval.
    expect((await realm.admin.users.getCredentials({ id: tina.id })).map((c) => c.type)).toContain("otp");

    const done = await approve(dave, id);
    expect(done).toMatchObject({ status: 200, body: { status: "executed", closedBy: { username: "dave" }, executed: { removed: ["otp"], requiredActions: ["webauthn-register", "CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"] } } });
    expect((done.body.executed as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(1);
  });

  it("removed exactly the factor, signed Tina out everywhere and sent her through set-up", async () => {
    const user = await realm.admin.users.findOne({ id: tina.id });
    expect(user?.requiredActions).toEqual(expect.arrayContaining(["webauthn-register", "CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"]));
    expect((await realm.admin.users.getCredentials({ id: tina.id })).map((c) => c.type)).toEqual(["password"]);
    expect(await realm.admin.users.listSessions({ id: tina.id })).toEqual([]);
    const refresh = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
      method: "POST", body: new URLSearchParams({ grant_type: "refresh_token", client_id: CLIENT, refresh_token: tinaSession.refresh }),
    });
    expect(refresh.status).toBe(400);
  });

  it("cannot be approved again", async () => {
    expect(await approve(bob, id)).toMatchObject({ status: 409, body: { error_description: expect.stringMatching(/already executed/) } });
  });
});

describe("requests that meet each other or end early", () => {
  it("two approvals at once of a request needing one: one carries it out, the other is told", async () => {
    const { body } = await request(alice, tom);
    expect(body.needed).toBe(1);
    const answers = await Promise.all([approve(bob, body.id), approve(dave, body.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.filter((a) => a.body.status === "executed")).toHaveLength(1);
  });

  it("a cancelled request cannot be approved", async () => {
    const t = await userWithOtp("tess", "tier-2-project-owners");
    const { body } = await request(alice, t);
    expect(await call("POST", `requests/${String(body.id)}/cancel`, (await token(bob)).access)).toMatchObject({ status: 200, body: { status: "cancelled", closedBy: { username: "bob" } } });
    expect((await approve(dave, body.id)).body.error_description).toMatch(/already cancelled/);
    expect((await realm.admin.users.getCredentials({ id: t.id })).map((c) => c.type)).toContain("otp");
  });
});

describe("the story in admin events", () => {
  it("names every step, its actor and what it was about, and never a secret", async () => {
    // Keycloak's admin-event query takes only its own resource types, so the story is found by path.
    const events = await realm.admin.realms.findAdminEvents({ realm: realm.name, resourcePath: `users/${tina.id}/kca-mfa-reset/*`, max: 200 } as never) as
      { operationType: string; resourceType: string; resourcePath: string; authDetails: { userId: string }; details?: Record<string, string> }[];
    const tinas = events.filter((e) => e.resourceType === "KCA_MFA_RESET");
    // Steps of one call can share a millisecond, so the story is compared as a whole, not by order.
    expect(tinas.map((e) => `${e.details?.step} ${e.authDetails.userId}`).sort()).toEqual([
      `refused ${alice.id}`, // a request without identity proofing
      `requested ${alice.id}`, `refused ${alice.id}`, `approved ${bob.id}`, `refused ${bob.id}`, `approved ${dave.id}`, `executed ${dave.id}`, `refused ${bob.id}`,
    ].sort());
    expect(tinas.find((e) => e.details?.step === "refused" && e.details.act === "approve" && e.authDetails.userId === alice.id)?.details?.refusal).toMatch(/someone else/);
    const executed = tinas.find((e) => e.details?.step === "executed")!;
    expect(executed.details).toMatchObject({ user: "tina", requester: "alice", approvers: "bob,dave", reason: "lost phone", ticket: "INC-1042", proofing: "ID check by video, case 77", factors: "totp", removed: "otp", severity: "high" });
    for (const secret of [...tina.storedSecrets, ...tina.totpSecrets]) expect(JSON.stringify(events)).not.toContain(secret);
  });
});

describe("what an admin with manage-users can and cannot do", () => {
  it("cannot approve through the workflow with an admin token; the workflow's state has no admin endpoint", async () => {
    const helpdesk = await createUser(realm, "helpdesk");
    const rm = (await realm.admin.clients.find({ clientId: "realm-management" }))[0]!;
    const manageUsers = await realm.admin.clients.findRole({ id: rm.id!, roleName: "manage-users" });
    await realm.admin.users.addClientRoleMappings({ id: helpdesk.id, clientUniqueId: rm.id!, roles: [{ id: manageUsers!.id!, name: "manage-users" }] });
    const t = await userWithOtp("tara", "tier-2-project-owners");
    const { body } = await request(alice, t);
    expect((await call("POST", `requests/${String(body.id)}/approve`, (await token(helpdesk, "admin-cli")).access)).status).toBe(403);
    // Keycloak's own admin API still lets manage-users delete a credential outright: the README says how to narrow it.
    const adminToken = (await token(helpdesk, "admin-cli")).access;
    const otp = (await realm.admin.users.getCredentials({ id: t.id })).find((c) => c.type === "otp")!;
    const del = await fetch(`${realm.server.baseUrl}/admin/realms/${realm.name}/users/${t.id}/credentials/${otp.id}`, { method: "DELETE", headers: { authorization: `Bearer ${adminToken}` } });
    expect(del.status).toBe(204);
  });
});

describe("expiry and a policy without reset", () => {
  it("an expired request cannot be approved and is listed as expired", async () => {
    await applyPolicy(realm.admin, policy((t) => t.replace("expiresAfter: 24h", "expiresAfter: 2s")), realm.name);
    const t = await userWithOtp("tilda", "tier-2-project-owners");
    const { body } = await request(alice, t);
    await sleep(3000);
    expect((await approve(bob, body.id)).body.error_description).toMatch(/expired/);
    const listed = await call("GET", "requests", (await token(bob)).access);
    expect((listed.body.requests as { id: unknown; status: string }[]).find((r) => r.id === body.id)?.status).toBe("expired");
  });

  it("is switched off by a policy without a reset section", async () => {
    await applyPolicy(realm.admin, examplePolicy((t) => t.replace(/\nreset:\n(?: {2}.*\n)+/, "\n")), realm.name);
    expect(await call("GET", "sign-in")).toMatchObject({ status: 404, body: { error: "not_enabled" } });
  });
});
