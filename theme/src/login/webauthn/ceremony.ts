// The browser side of Keycloak's WebAuthn forms, in our bundle instead of Keycloak's
// webauthnRegister.js / webauthnAuthenticate.js, so that our pages name the key in a form field
// (Keycloak's script asks with window.prompt) and need no extra script downloads. The options are
// built exactly as Keycloak's scripts build them; the results go into the same form fields.
import type { KcContext } from "../KcContext";
import { decode, encode } from "./base64url";

type RegisterContext = Extract<KcContext, { pageId: "webauthn-register.ftl" }>;
type AuthenticateContext = Pick<
  Extract<KcContext, { pageId: "webauthn-authenticate.ftl" }>,
  "challenge" | "userVerification" | "rpId" | "createTimeout"
>;

/** Field name → value, for the hidden inputs of Keycloak's WebAuthn forms. */
export type FormFields = Record<string, string>;

const timeoutMs = (createTimeout: string | number): number | undefined => {
  const seconds = Number(createTimeout);
  return seconds > 0 ? seconds * 1000 : undefined;
};

export function creationOptions(ctx: RegisterContext): PublicKeyCredentialCreationOptions {
  const selection: AuthenticatorSelectionCriteria = {};
  if (ctx.authenticatorAttachment !== "not specified") {
    selection.authenticatorAttachment = ctx.authenticatorAttachment as AuthenticatorAttachment;
  }
  if (ctx.residentKey && ctx.residentKey !== "not specified") {
    selection.residentKey = ctx.residentKey as ResidentKeyRequirement;
    selection.requireResidentKey = ctx.residentKey === "required";
  } else if (ctx.requireResidentKey && ctx.requireResidentKey !== "not specified") {
    selection.residentKey = ctx.requireResidentKey === "Yes" ? "required" : "discouraged";
    selection.requireResidentKey = ctx.requireResidentKey === "Yes";
  }
  if (ctx.userVerificationRequirement !== "not specified") {
    selection.userVerification = ctx.userVerificationRequirement as UserVerificationRequirement;
  }
  // COSE algorithm numbers (Keycloak sends e.g. -7 for ES256); ES256 when the policy names none.
  const listed = ctx.signatureAlgorithms.map(Number).filter(Number.isFinite);
  const algorithms = listed.length > 0 ? listed : [-7];
  const options: PublicKeyCredentialCreationOptions = {
    challenge: decode(ctx.challenge),
    rp: { id: ctx.rpId, name: ctx.rpEntityName },
    user: { id: decode(ctx.userid), name: ctx.username, displayName: ctx.username },
    pubKeyCredParams: algorithms.map((alg) => ({ type: "public-key", alg })),
  };
  if (ctx.attestationConveyancePreference !== "not specified") {
    options.attestation = ctx.attestationConveyancePreference as AttestationConveyancePreference;
  }
  if (Object.keys(selection).length > 0) options.authenticatorSelection = selection;
  const timeout = timeoutMs(ctx.createTimeout);
  if (timeout !== undefined) options.timeout = timeout;
  const exclude = ctx.excludeCredentialIds.split(",").filter(Boolean);
  if (exclude.length > 0) options.excludeCredentials = exclude.map((id) => ({ type: "public-key", id: decode(id) }));
  return options;
}

/** Creates a credential and returns the fields of Keycloak's `#register` form; errors go in `error`. */
export async function register(ctx: RegisterContext, label: string, unsupported: string): Promise<FormFields> {
  if (!window.PublicKeyCredential) return { error: unsupported };
  try {
    const credential = (await navigator.credentials.create({ publicKey: creationOptions(ctx) })) as PublicKeyCredential | null;
    if (!credential) return { error: "NotAllowedError: no credential was created" };
    const response = credential.response as AuthenticatorAttestationResponse;
    return {
      clientDataJSON: encode(response.clientDataJSON),
      attestationObject: encode(response.attestationObject),
      publicKeyCredentialId: encode(credential.rawId),
      transports: typeof response.getTransports === "function" ? response.getTransports().join(",") : "",
      authenticatorAttachment: credential.authenticatorAttachment ?? "",
      authenticatorLabel: label,
    };
  } catch (err) {
    return { error: String(err) };
  }
}

export function requestOptions(ctx: AuthenticateContext, allowCredentialIds: readonly string[]): PublicKeyCredentialRequestOptions {
  const options: PublicKeyCredentialRequestOptions = { rpId: ctx.rpId, challenge: decode(ctx.challenge) };
  const timeout = timeoutMs(ctx.createTimeout);
  if (timeout !== undefined) options.timeout = timeout;
  if (allowCredentialIds.length > 0) {
    options.allowCredentials = allowCredentialIds.map((id) => ({ type: "public-key", id: decode(id) }));
  }
  if (ctx.userVerification !== "not specified") options.userVerification = ctx.userVerification;
  return options;
}

function assertionFields(credential: PublicKeyCredential): FormFields {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    clientDataJSON: encode(response.clientDataJSON),
    authenticatorData: encode(response.authenticatorData),
    signature: encode(response.signature),
    credentialId: credential.id,
    userHandle: response.userHandle ? encode(response.userHandle) : "",
  };
}

// One pending navigator.credentials.get() at a time: a button press cancels the autofill request.
let pending: AbortController | undefined;

/**
 * Signs in with a key and returns the fields of Keycloak's `#webauth` form. `mediation:
 * "conditional"` waits for the user to pick a passkey from the username field's autofill; it
 * resolves undefined if another request replaced it.
 */
export async function authenticate(
  ctx: AuthenticateContext,
  allowCredentialIds: readonly string[],
  unsupported: string,
  mediation?: CredentialMediationRequirement,
): Promise<FormFields | undefined> {
  if (!window.PublicKeyCredential) return mediation === "conditional" ? undefined : { error: unsupported };
  pending?.abort(new DOMException("replaced by a newer request", "AbortError"));
  const controller = new AbortController();
  pending = controller;
  try {
    const credential = (await navigator.credentials.get({
      publicKey: requestOptions(ctx, allowCredentialIds),
      signal: controller.signal,
      ...(mediation ? { mediation } : {}),
    })) as PublicKeyCredential | null;
    if (!credential) return { error: "NotAllowedError: no credential was returned" };
    return assertionFields(credential);
  } catch (err) {
    if (controller.signal.aborted) return undefined;
    // An autofill request that fails is not an error the user asked for.
    return mediation === "conditional" ? undefined : { error: String(err) };
  } finally {
    if (pending === controller) pending = undefined;
  }
}

/** Whether the browser can offer passkeys in the username field's autofill. */
export async function conditionalMediationAvailable(): Promise<boolean> {
  const pkc = window.PublicKeyCredential as (typeof PublicKeyCredential & { isConditionalMediationAvailable?: () => Promise<boolean> }) | undefined;
  return (await pkc?.isConditionalMediationAvailable?.()) ?? false;
}

/** Puts the fields into the form's (hidden) inputs and submits it. */
export function submitForm(form: HTMLFormElement, fields: FormFields): void {
  for (const [name, value] of Object.entries(fields)) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement) input.value = value;
  }
  form.requestSubmit();
}
