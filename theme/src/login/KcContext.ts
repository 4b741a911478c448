/* eslint-disable @typescript-eslint/no-empty-object-type */
// The kcContext Keycloak serialises into every page, as Keycloakify types it. No extra pages; one
// extra field, added by the line our build puts into every page template (vite.config.ts).
import type { ExtendKcContext } from "keycloakify/login";
import type { KcEnvName, ThemeName } from "../kc.gen";

export type KcContextExtension = {
  themeName: ThemeName;
  properties: Record<KcEnvName, string> & {};
  /** The realm attribute `kcaThemePolicy` (JSON, see policyFacts.ts); "" when the realm has none. */
  kcaThemePolicy?: string;
};

export type KcContextExtensionPerPage = {};

export type KcContext = ExtendKcContext<KcContextExtension, KcContextExtensionPerPage>;
