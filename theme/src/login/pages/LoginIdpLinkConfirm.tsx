// First sign-in through an identity provider whose user matches an existing account
// (login-idp-link-confirm.ftl): link the two (Keycloak then asks the user to prove the existing
// account, by email or by signing in to it), or review the details to make a new account. Posts
// `submitAction` = `linkAccount` | `updateProfile`.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function LoginIdpLinkConfirm({ kcContext, i18n }: PageProps<"login-idp-link-confirm.ftl">) {
  const { url, idpAlias, realm } = kcContext;
  const { msg } = i18n;
  const idp = (kcContext as { idpDisplayName?: string }).idpDisplayName || idpAlias;

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaLinkTitle")}>
      <p className="kca-lead">{msg("kcaLinkIntro", idp, realm.displayName || realm.name)}</p>
      <form id="kc-register-form" className="kca-form" action={url.loginAction} method="post">
        <div className="kca-actions kca-stack">
          <button type="submit" className="kca-button kca-primary" name="submitAction" id="linkAccount" value="linkAccount" autoFocus>
            {msg("kcaLinkContinue", idp)}
          </button>
          <button type="submit" className="kca-button kca-secondary" name="submitAction" id="updateProfile" value="updateProfile">
            {msg("kcaLinkReview")}
          </button>
        </div>
      </form>
    </Layout>
  );
}
