import { forwardRef } from "react";

/**
 * Keycloak's hidden `#webauth` form: the assertion of a passkey or security key goes back in these
 * fields (filled by webauthn/ceremony.ts), or the browser's error in `error`.
 */
export const WebauthnResultForm = forwardRef<HTMLFormElement, { action: string }>(function WebauthnResultForm({ action }, ref) {
  return (
    <form id="webauth" ref={ref} action={action} method="post" hidden>
      {["clientDataJSON", "authenticatorData", "signature", "credentialId", "userHandle", "error"].map((name) => (
        <input key={name} type="hidden" id={name} name={name} defaultValue="" />
      ))}
    </form>
  );
});
