// The user-profile form pages (idp-review-user-profile.ftl after a first sign-in through an
// identity provider; login-update-profile.ftl, update-email.ftl when Keycloak asks for missing
// details): Keycloakify's user-profile fields (every attribute the realm's user profile defines,
// validated as Keycloak does) in our layout and styles, with our heading and what the page is for.
import { getKcClsx } from "keycloakify/login/lib/kcClsx";
import UserProfileFormFields from "keycloakify/login/UserProfileFormFields";
import { useState } from "react";
import { classes } from "../components/kcClasses";
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

type ProfilePageId = "idp-review-user-profile.ftl" | "login-update-profile.ftl" | "update-email.ftl";

const FORM_ID: Record<ProfilePageId, string> = {
  "idp-review-user-profile.ftl": "kc-idp-review-profile-form",
  "login-update-profile.ftl": "kc-update-profile-form",
  "update-email.ftl": "kc-update-email-form",
};

export default function UserProfile({ kcContext, i18n }: PageProps<ProfilePageId>) {
  const { url, messagesPerField, isAppInitiatedAction } = kcContext;
  const { msg, msgStr } = i18n;
  const [submittable, setSubmittable] = useState(false);
  const { kcClsx } = getKcClsx({ doUseDefaultCss: false, classes });
  const review = kcContext.pageId === "idp-review-user-profile.ftl";

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      displayMessage={messagesPerField.exists("global")}
      headerNode={review ? msg("kcaReviewProfileTitle") : kcContext.pageId === "update-email.ftl" ? msg("updateEmailTitle") : msg("kcaUpdateProfileTitle")}
      hideWarnings
    >
      <p className="kca-lead" id="kca-profile-intro">
        {review ? msg("kcaReviewProfileIntro") : msg("kcaUpdateProfileIntro")}
      </p>
      <form id={FORM_ID[kcContext.pageId]} className="kca-form" action={url.loginAction} method="post">
        <UserProfileFormFields kcContext={kcContext} i18n={i18n} kcClsx={kcClsx} onIsFormSubmittableValueChange={setSubmittable} doMakeUserConfirmPassword />
        <p className="kca-hint">{msg("kcaRequiredFields")}</p>
        <div className="kca-actions">
          <button type="submit" className="kca-button kca-primary" id="kc-submit" disabled={!submittable}>
            {msgStr("doSubmit")}
          </button>
          {isAppInitiatedAction && (
            <button type="submit" className="kca-button kca-secondary" name="cancel-aia" value="true" formNoValidate>
              {msg("kcaCancel")}
            </button>
          )}
        </div>
      </form>
    </Layout>
  );
}
