// Pages outside this theme's scope (registration, password reset, info, error, …): Keycloakify's
// stock markup inside our Layout, without PatternFly (doUseDefaultCss=false). Keycloak's kc*
// class keys are mapped onto our stylesheet so they look like the rest.
import DefaultPage from "keycloakify/login/DefaultPage";
import type { ClassKey } from "keycloakify/login/lib/kcClsx";
import UserProfileFormFields from "keycloakify/login/UserProfileFormFields";
import type { I18n } from "./i18n";
import type { KcContext } from "./KcContext";
import Layout from "./Layout";

const classes = {
  kcFormClass: "kca-form",
  kcFormGroupClass: "kca-field",
  kcLabelClass: "kca-label",
  kcInputClass: "kca-input",
  kcInputErrorMessageClass: "kca-field-error",
  kcButtonClass: "kca-button",
  kcButtonPrimaryClass: "kca-primary",
  kcButtonDefaultClass: "kca-secondary",
  kcButtonSecondaryClass: "kca-secondary",
  kcFormButtonsClass: "kca-actions",
  kcFormOptionsClass: "kca-row",
  kcCheckboxInputClass: "kca-checkbox",
} satisfies { [key in ClassKey]?: string };

export default function StockPage({ kcContext, i18n }: { kcContext: KcContext; i18n: I18n }) {
  return (
    <DefaultPage
      kcContext={kcContext}
      i18n={i18n}
      classes={classes}
      Template={Layout}
      doUseDefaultCss={false}
      UserProfileFormFields={UserProfileFormFields}
      doMakeUserConfirmPassword={true}
    />
  );
}
