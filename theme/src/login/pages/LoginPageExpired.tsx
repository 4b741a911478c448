// "This page has expired" (login-page-expired.ftl): the browser went back, or a form was sent twice.
// Two plain choices instead of Keycloak's two "click here" links.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function LoginPageExpired({ kcContext, i18n }: PageProps<"login-page-expired.ftl">) {
  const { url } = kcContext;
  const { msg } = i18n;

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("pageExpiredTitle")}>
      <p className="kca-lead">{msg("kcaPageExpiredIntro")}</p>
      <div className="kca-actions kca-stack">
        <a className="kca-button kca-primary" id="loginContinueLink" href={url.loginAction}>
          {msg("kcaPageExpiredContinue")}
        </a>
        <a className="kca-button kca-secondary" id="loginRestartLink" href={url.loginRestartFlowUrl}>
          {msg("kcaStartOver")}
        </a>
      </div>
    </Layout>
  );
}
