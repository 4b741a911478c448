/* eslint-disable @typescript-eslint/no-empty-object-type */
// The kcContext Keycloak serialises into every page, as Keycloakify types it. No extra pages; extra
// fields: one added by the line our build puts into every page template (vite.config.ts), the others
// by our Keycloak provider as page attributes, which Keycloakify serialises with the rest.
import type { ExtendKcContext } from "keycloakify/login";
import type { KcEnvName, ThemeName } from "../kc.gen";

export type KcContextExtension = {
  themeName: ThemeName;
  properties: Record<KcEnvName, string> & {};
  /** The realm attribute `kcaThemePolicy` (JSON, see policyFacts.ts); "" when the realm has none. */
  kcaThemePolicy?: string;
  /**
   * Where a set-up page stands among the required actions of this sign-in, from our Keycloak
   * provider (extensions/, PageFactsFormsProvider); absent without it or for a single page.
   */
  kcaSetup?: { step: number; of: number };
  /** The policy's tier roles the user holds, from the same provider, where the page has a user. */
  kcaTiers?: string[];
  /** On a required-action page (the user is signed in): how many credentials of each Keycloak type the user holds. */
  kcaCredentials?: Record<string, number>;
  /** On delete-credential.ftl: the Keycloak type of the credential to be removed. */
  kcaDeleting?: string;
  /** The set-up actions a sign-in with a recovery code added (a new factor, CONFIGURE_RECOVERY_AUTHN_CODES). */
  kcaRecoveryRenewal?: string[];
  /** On a required-action page, for a day after an MFA reset (kc-assurance reset) was carried out: when (ISO 8601). */
  kcaReset?: { at: string };
};

export type KcContextExtensionPerPage = {};

export type KcContext = ExtendKcContext<KcContextExtension, KcContextExtensionPerPage>;
