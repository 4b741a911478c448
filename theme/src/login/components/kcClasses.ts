// Keycloak's kc* class keys mapped onto our stylesheet, for Keycloakify's markup we reuse (its stock
// pages, its user-profile fields).
import type { ClassKey } from "keycloakify/login/lib/kcClsx";

export const classes = {
  kcFormClass: "kca-form",
  kcFormGroupClass: "kca-field",
  kcLabelClass: "kca-label",
  kcInputClass: "kca-input",
  kcInputErrorMessageClass: "kca-field-error",
  kcInputHelperTextBeforeClass: "kca-hint",
  kcInputHelperTextAfterClass: "kca-hint",
  kcButtonClass: "kca-button",
  kcButtonPrimaryClass: "kca-primary",
  kcButtonDefaultClass: "kca-secondary",
  kcButtonSecondaryClass: "kca-secondary",
  kcFormButtonsClass: "kca-actions",
  kcFormOptionsClass: "kca-row",
  kcCheckboxInputClass: "kca-checkbox",
  kcInputGroup: "kca-input-row",
  kcFormPasswordVisibilityButtonClass: "kca-reveal",
  kcFormGroupHeader: "kca-subtitle",
} satisfies { [key in ClassKey]?: string };
