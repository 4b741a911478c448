// Pages outside this theme's scope (registration, password reset, info, error, …): Keycloakify's
// stock markup inside our Layout, without PatternFly (doUseDefaultCss=false). Keycloak's kc*
// class keys are mapped onto our stylesheet so they look like the rest.
import DefaultPage from "keycloakify/login/DefaultPage";
import UserProfileFormFields from "keycloakify/login/UserProfileFormFields";
import { classes } from "./components/kcClasses";
import type { I18n } from "./i18n";
import type { KcContext } from "./KcContext";
import Layout from "./Layout";

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
