// Linking an identity provider's account to an existing one by email (login-idp-link-email.ftl):
// Keycloak sent a link to the existing account's address. What to do, and the two links Keycloak
// offers (send again; continue once linked in another tab), as buttons.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function LoginIdpLinkEmail({ kcContext, i18n }: PageProps<"login-idp-link-email.ftl">) {
  const { url, realm, brokerContext, idpAlias } = kcContext;
  const { msg } = i18n;
  const idp = (kcContext as { idpDisplayName?: string }).idpDisplayName || idpAlias;

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaLinkEmailTitle")}>
      <p className="kca-lead" id="instruction1">
        {msg("kcaLinkEmailIntro", idp, brokerContext.username, realm.displayName || realm.name)}
      </p>
      <p className="kca-hint">{msg("kcaLinkEmailNotReceived")}</p>
      <div className="kca-actions kca-stack">
        <a className="kca-button kca-secondary" id="kca-resend" href={url.loginAction}>
          {msg("kcaLinkEmailResend")}
        </a>
      </div>
    </Layout>
  );
}
