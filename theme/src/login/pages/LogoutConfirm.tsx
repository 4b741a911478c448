// "Sign out?" (logout-confirm.ftl): Keycloak asks before ending the SSO session when an app sent the
// user to the logout endpoint without an ID token. A real button (Keycloak's own page has an
// unstyled input with tabindex=4), and the way back to the app. Posts `session_code` and
// `confirmLogout` to the logout-confirm action.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function LogoutConfirm({ kcContext, i18n }: PageProps<"logout-confirm.ftl">) {
  const { url, client, logoutConfirm, realm } = kcContext;
  const { msg, msgStr } = i18n;

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaLogoutTitle")}>
      <p className="kca-lead" id="kc-logout-confirm">
        {msg("kcaLogoutIntro", realm.displayName || realm.name)}
      </p>
      <form className="kca-form" action={url.logoutConfirmAction} method="post" id="kc-logout-form">
        <input type="hidden" name="session_code" value={logoutConfirm.code} />
        <button type="submit" className="kca-button kca-primary" name="confirmLogout" id="kc-logout" value={msgStr("doLogout")} autoFocus>
          {msg("kcaLogoutButton")}
        </button>
      </form>
      {!logoutConfirm.skipLink && client.baseUrl && (
        <p className="kca-info">
          <a id="kca-back-to-application" href={client.baseUrl}>
            {msg("kcaLogoutStay")}
          </a>
        </p>
      )}
    </Layout>
  );
}
