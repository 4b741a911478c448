// The behaviour half of V1-V6: throwaway users of the policy's tiers sign in through a real browser
// and our pages, the way an auditor would try them, and what Keycloak did is recorded.
import type { Page } from "playwright-core";
import { signIn, type TestClient } from "../browser/oidc.js";
import { enterUsernameAndPassword, fieldError, recoveryCodeNumber, submitRecoveryCode, submitTotp, totpCode, tryAnotherWay, waitForPage } from "../browser/pages.js";
import { answerSteps, SET_UP_PAGES } from "../browser/steps.js";
import type { Tier } from "../policy/model.js";
import { loginEventsOf, RECOVERY_CODE_DETAIL, type LoginEvent } from "./records.js";
import { CALLBACK, nextPageAfter, rememberSecrets, signInAbandoned, signInAnswering, type Person } from "./people.js";
import type { RunContext } from "./run-context.js";

/** The pages before the password is in (identifier-first, or one page for both). */
const SIGN_IN_PAGES = ["login.ftl", "login-username.ftl", "login-password.ftl"];

const pages = (ids: readonly string[]) => ids.map((id) => id.replace(/\.ftl$/, "")).join(" → ");

/** V1: blocked at a set-up page, no session from a silent request, set-up asked again next time; then enrolled, the tier's level. */
export async function enrolmentBlocks(run: RunContext, person: Person, client: TestClient): Promise<void> {
  const { tier } = person;
  let first = "";
  await signInAbandoned(person, client, async (page) => {
    first = await nextPageAfter(page, SIGN_IN_PAGES);
    if (SET_UP_PAGES.includes(first)) await run.shoot("V1", "set-up-asked", page);
  });
  const blocked = SET_UP_PAGES.includes(first);
  run.record("V1", blocked, `${person.user.username} (Tier ${tier.tier}, no factor yet) after the password: ${first === CALLBACK ? `${CALLBACK}, with a code: a token without MFA` : `${first.replace(/\.ftl$/, "")}${blocked ? ", a set-up page; the sign-in ends there without a code" : ", not a set-up page"}`}`);

  const silent = await signIn(person.page, client, async () => {}, { prompt: "none" }).then(
    () => "a token",
    (e: Error & { error?: string }) => e.error ?? e.message,
  );
  run.record("V1", silent === "login_required", `a silent request (prompt=none) from the same browser got ${silent === "login_required" ? "login_required: no session exists, so no token" : silent}`);

  const again = await signInAnswering(person, client, { periodsAhead: 0 });
  rememberSecrets(run, person);
  const setUps = again.seen.filter((id) => SET_UP_PAGES.includes(id));
  run.record("V1", setUps.length > 0, `at the next sign-in the set-up was asked again: ${pages(again.seen)}`);
  const acr = tier.level.acr[0];
  run.record("V1", again.acr === acr, `after enrolling ${setUps.length} factor${setUps.length === 1 ? "" : "s"} the token carries acr ${String(again.acr)} (Tier ${tier.tier}'s level ${tier.level.name}: ${acr})`);
}

/** V2: the Tier 0 user signs in again with the security key registered at enrolment. */
export async function securityKeyWorks(run: RunContext, person: Person, client: TestClient): Promise<void> {
  const signedIn = await signInAnswering(person, client, { periodsAhead: 1, onPage: (page, id) => (id === "webauthn-authenticate.ftl" ? run.shoot("V2", "security-key", page) : Promise.resolve()) });
  const used = signedIn.seen.includes("webauthn-authenticate.ftl");
  run.record("V2", used, `${person.user.username} signed in: ${pages(signedIn.seen)}${used ? "" : " (no security key asked)"}`);
  const acr = person.tier.level.acr[0];
  run.record("V2", signedIn.acr === acr, `the token carries acr ${String(signedIn.acr)} (expected ${acr})`);
}

/** V3: a wrong TOTP code is refused on the page, the right one signs in at the tier's level. */
export async function totpWorks(run: RunContext, person: Person, client: TestClient): Promise<void> {
  await person.page.context().clearCookies();
  const secret = person.enrolled.totpSecret;
  if (!secret) throw new Error(`${person.user.username} has no TOTP key from enrolment`);
  let refusal: string | undefined;
  const tokens = await signIn(person.page, client, async (p) => {
    await enterUsernameAndPassword(p, person.user);
    const right = totpCode(secret, 1);
    await submitTotp(p, right.replace(/\d$/, (d) => String((Number(d) + 1) % 10)));
    await waitForPage(p, "login-otp.ftl");
    refusal = await fieldError(p);
    await run.shoot("V3", "wrong-code-refused", p);
    await submitTotp(p, right);
  });
  run.record("V3", refusal !== undefined, `${person.user.username} (Tier ${person.tier.tier}) entered a wrong code: ${refusal ? `refused ("${refusal.trim()}")` : "no refusal shown"}`);
  const acr = person.tier.level.acr[0];
  run.record("V3", tokens.claims()?.acr === acr, `the right code signed in; the token carries acr ${String(tokens.claims()?.acr)} (expected ${acr})`);
}

/**
 * V4: codes were generated at enrolment; one signs in (and our renewal then asks for a new app and
 * new codes, left unanswered); the next sign-in asks for the following code and refuses the used one;
 * the following code signs in once the renewal is done.
 */
export async function recoveryCodesWork(run: RunContext, person: Person, client: TestClient): Promise<void> {
  const codes = person.enrolled.recoveryCodes ?? [];
  run.record("V4", codes.length >= 10, `${codes.length} recovery codes generated at ${person.user.username}'s enrolment (the checklist asks for 10 or more)`);
  const toRecoveryCode = async (p: Page) => {
    await waitForPage(p, "login-otp.ftl");
    await tryAnotherWay(p, "recovery");
    return recoveryCodeNumber(p);
  };

  let used = 0;
  let then = "";
  await signInAbandoned(person, client, async (p) => {
    used = await toRecoveryCode(p);
    await run.shoot("V4", "recovery-code-asked", p);
    await submitRecoveryCode(p, codes[used - 1]!);
    then = await nextPageAfter(p, ["login-recovery-authn-code-input.ftl"]);
    await run.shoot("V4", "after-recovery-code", p);
  });
  run.record("V4", SET_UP_PAGES.includes(then), `recovery code ${used} was accepted; Keycloak then asked ${person.user.username} to set up anew (${then.replace(/\.ftl$/, "")})`);

  let asked = 0;
  let refusal: string | undefined;
  const seen: string[] = [];
  const tokens = await signIn(person.page, client, async (p) => {
    await enterUsernameAndPassword(p, person.user);
    asked = await toRecoveryCode(p);
    await submitRecoveryCode(p, codes[used - 1]!);
    await waitForPage(p, "login-recovery-authn-code-input.ftl");
    refusal = await fieldError(p);
    await run.shoot("V4", "used-code-refused", p);
    await submitRecoveryCode(p, codes[asked - 1]!);
    await answerSteps(p, person.enrolled, seen, 1, person.user);
  });
  rememberSecrets(run, person);
  run.record("V4", refusal !== undefined && asked !== used, `the next sign-in asked for code ${asked}; code ${used}, used already, was ${refusal ? `refused ("${refusal.trim()}")` : "not refused"}`);
  run.record("V4", tokens.claims()?.acr === person.tier.level.acr[0], `code ${asked} signed in after the new set-up (${pages(seen)}); the token carries acr ${String(tokens.claims()?.acr)}`);

  const events = await loginEventsOf(run, person.user.id);
  const signIns = events.filter((e) => e.type === "LOGIN" && e.details?.[RECOVERY_CODE_DETAIL] === "used");
  const refusals = events.filter((e) => e.type === "LOGIN_ERROR" && e.details?.credential_type === "recovery-authn-codes");
  const at = (e: LoginEvent) => new Date(e.time ?? 0).toISOString().slice(11, 19);
  run.record("V4", signIns.length === 1, `logged: ${signIns.length} LOGIN event${signIns.length === 1 ? "" : "s"} marked ${RECOVERY_CODE_DETAIL}=used (${signIns.map(at).join(", ") || "none"}; the sign-in left unfinished at the set-up has none, as Keycloak logs a sign-in when it ends)`);
  run.record("V4", refusals.length >= 1, `logged: the refused code as ${refusals.map((e) => `LOGIN_ERROR ${e.error ?? ""} at ${at(e)}`).join(", ") || "nothing"} (credential_type recovery-authn-codes)`);
}

/** The tier V3 and V4 sign in as: the lowest above Tier 0 that requires TOTP and recovery codes, else TOTP alone. */
export function tierAboveZero(tiers: readonly Tier[]): Tier | undefined {
  const upper = [...tiers].filter((t) => t.tier >= 1).sort((a, b) => a.tier - b.tier);
  return upper.find((t) => t.require.includes("totp") && t.require.includes("recovery-codes")) ?? upper.find((t) => t.require.includes("totp"));
}
