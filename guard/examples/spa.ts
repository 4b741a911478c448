import { redirectTo, stepUpClient, StepUpRedirect } from "kc-assurance-guard/browser";

// Whatever the app's OIDC library offers; here: the access token it holds, and the URL of its
// usual authorization request (with its own state and PKCE challenge, which it remembers).
declare const oidc: { accessToken(): string | undefined; authorizationUrl(): Promise<string> };

const api = stepUpClient({
  accessToken: () => oidc.accessToken(),
  signIn: redirectTo(window.location, () => oidc.authorizationUrl()),
});

// On the page Keycloak returns to, once the app has redeemed the code for its new token:
const replayed = await api.resume();
if (replayed) console.log("the call that needed a step-up answered", replayed.status);

export async function resetMfa(userId: string): Promise<void> {
  try {
    const res = await api.fetch(`/api/identity/admin/users/${userId}/mfa-reset`, { method: "POST" });
    if (!res.ok) throw new Error(`mfa reset failed: ${res.status}`);
  } catch (e) {
    if (e instanceof StepUpRedirect) return; // the browser is on its way to Keycloak
    throw e;
  }
}
