// V5 by behaviour: a requester opens a reset for another throwaway user through our provider's
// API, after the fresh sign-in at the level the policy asks; nothing is removed until someone else
// approves; the requester's own approval is refused; each step is an admin event. The request is
// cancelled at the end, so the user keeps their factors.
import { answerSteps } from "../browser/steps.js";
import type { ResetPolicy } from "../policy/model.js";
import { ResetApi, ResetApiError } from "../reset/api.js";
import { signIn as operatorSignIn } from "../reset/sign-in.js";
import type { Person } from "./people.js";
import { adminEventsSince } from "./records.js";
import type { RunContext } from "./run-context.js";

export async function resetNeedsApproval(run: RunContext, reset: ResetPolicy, requester: Person, subject: Person): Promise<void> {
  // The operator's sign-in of `kc-assurance reset` (loopback redirect), at the level the provider
  // names; the requester's session from V2 is fresh and at the top level, else Keycloak asks again.
  const anonymous = new ResetApi(run.url, run.realm);
  const rules = await anonymous.signInRules();
  let answering: Promise<void> = Promise.resolve();
  const token = await operatorSignIn({
    url: run.url,
    realm: run.realm,
    rules,
    timeoutMs: 60_000,
    announce: (url) => {
      answering = requester.page.goto(url).then(() => answerSteps(requester.page, requester.enrolled, [], 1, requester.user));
    },
  });
  await answering;
  const api = anonymous.withToken(token);
  const before = await factorsOf(run, subject.user.id);

  const request = await api.request({
    username: subject.user.username,
    reason: "kc-assurance verify: a reset waits for approval",
    ticket: run.prefix,
    ...(reset.identityProofing ? { proofing: `${run.prefix}: no proofing, cancelled by the run` } : {}),
  });
  run.onCleanup(() => api.cancel(request.id).catch((e: unknown) => (e instanceof ResetApiError && e.status === 409 ? undefined : Promise.reject(e))));
  run.record("V5", request.status === "open" && (request.needed ?? 0) >= 1, `${requester.user.username} (roles ${reset.requesters.join(", ")}, signed in at ${reset.level.name}) requested a reset of ${subject.user.username}: ${request.status}, ${request.needed ?? 0} approval(s) needed`);

  const after = await factorsOf(run, subject.user.id);
  run.record("V5", after.join() === before.join() && before.length > 1, `before any approval ${subject.user.username} still holds ${after.join(", ")}`);

  const own = await api.approve(request.id).then(
    (r) => `accepted (${r.status})`,
    (e: Error) => (e instanceof ResetApiError ? `refused: ${e.status} ${e.code}` : Promise.reject(e)),
  );
  run.record("V5", own.startsWith("refused"), `the requester's own approval was ${own}`);

  const cancelled = await api.cancel(request.id);
  const logged = await adminEventsSince(run, `users/${subject.user.id}/kca-mfa-reset/${request.id}`);
  run.record("V5", cancelled.status === "cancelled" && logged.length >= 2, `request ${request.id} ${cancelled.status}; ${logged.length} admin events on users/${subject.user.id}/kca-mfa-reset/${request.id} (${logged.map((e) => `${e.operationType ?? "?"} ${e.resourceType ?? ""}`.trim()).join(", ")})`);
}

/** The credential types the user holds, sorted (never their values). */
async function factorsOf(run: RunContext, id: string): Promise<string[]> {
  return (await run.admin.users.getCredentials({ realm: run.realm, id })).map((c) => c.type ?? "?").sort();
}
