// Passkey sign-in on a first page (login.ftl, login-username.ftl), where the realm enables passkeys
// (Keycloak then sets `enableWebAuthnConditionalUI`): a button, and a request as the page opens, as
// the realm's passwordless policy mediation says, the way Keycloak's passkeysConditionalAuth.js does:
// "conditional" (the default) offers passkeys in the username field's autofill; "optional" and
// "required" open the browser's passkey dialog at once, not again in this authentication once
// dismissed; "silent" asks without any dialog; "none" leaves it to the button. A passkey posts
// Keycloak's `#webauth` form.
import { useEffect, useRef } from "react";
import type { I18n } from "../i18n";
import type { KcContext } from "../KcContext";
import { authenticationTabId } from "../stepUp";
import { authenticate, conditionalMediationAvailable, submitForm } from "../webauthn/ceremony";
import { WebauthnResultForm } from "./WebauthnResultForm";

export type FirstPageContext = Extract<KcContext, { pageId: "login.ftl" | "login-username.ftl" }>;

/** Whether the page offers passkeys; the username field then lists them in its autofill. */
export const passkeysOffered = (kcContext: FirstPageContext): boolean => kcContext.enableWebAuthnConditionalUI === true;

const DISMISSED_KEY = "kc-assurance.passkey-dialog-dismissed";
const MEDIATIONS: readonly string[] = ["conditional", "optional", "required", "silent"] satisfies CredentialMediationRequirement[];
const isModal = (mediation: string) => mediation === "optional" || mediation === "required";

function dismissedIn(tab: string | undefined): boolean {
  try {
    return tab !== undefined && sessionStorage.getItem(DISMISSED_KEY) === tab;
  } catch {
    return false;
  }
}

function rememberDismissed(tab: string | undefined): void {
  try {
    if (tab) sessionStorage.setItem(DISMISSED_KEY, tab);
  } catch {
    // Storage refused: the dialog may show once more on the next page of this sign-in.
  }
}

async function platformKeyMissing(attachment: string | undefined): Promise<boolean> {
  if (attachment !== "platform") return false;
  try {
    return !(await window.PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable());
  } catch {
    return true;
  }
}

export function PasskeySignIn({ kcContext, i18n, divider }: { kcContext: FirstPageContext; i18n: I18n; divider: boolean }) {
  const { msg, msgStr } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const offered = passkeysOffered(kcContext);
  const identified = kcContext.isUserIdentified === "true";

  const allowedKeys = () => (identified ? (kcContext.authenticators?.authenticators ?? []).map((a) => a.credentialId) : []);

  const signIn = async () => {
    const fields = await authenticate(kcContext, allowedKeys(), msgStr("passkey-unsupported-browser-text"));
    if (fields && form.current) submitForm(form.current, fields);
  };

  useEffect(() => {
    const mediation = kcContext.mediation ?? "conditional";
    if (!offered || identified || !window.PublicKeyCredential || !MEDIATIONS.includes(mediation)) return;
    const tab = authenticationTabId(kcContext.url.loginAction);
    let active = true;
    void (async () => {
      if (isModal(mediation) && dismissedIn(tab)) return;
      if (await platformKeyMissing(kcContext.authenticatorAttachment)) return;
      if (mediation === "conditional" && !(await conditionalMediationAvailable())) return;
      if (!active) return;
      const fields = await authenticate(kcContext, [], msgStr("passkey-unsupported-browser-text"), mediation as CredentialMediationRequirement);
      // A request the page made on its own is not the user's error to report: only success posts.
      if (fields && !fields.error && form.current) submitForm(form.current, fields);
      else if (fields?.error && isModal(mediation)) rememberDismissed(tab);
    })();
    return () => {
      active = false;
    };
    // Once per page: the challenge does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!offered) return null;
  return (
    <div className="kca-passkey">
      {divider && <p className="kca-divider">{msg("kcaOr")}</p>}
      <WebauthnResultForm ref={form} action={kcContext.url.loginAction} />
      <button type="button" id="authenticateWebAuthnButton" className="kca-button kca-secondary" onClick={() => void signIn()}>
        {msg("kcaPasskeySignIn")}
      </button>
    </div>
  );
}
