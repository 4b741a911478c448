// Keycloak's error page (error.ftl): the reason in Keycloak's or our words (kcaLevelNotAllowed,
// kcaPasskeyNotAllowed, kcaUpstreamMfaRequired come from our flows), and the ways on: start the
// sign-in again where our message asks for it, back to the application when Keycloak knows it.
import { Html } from "../components/Html";
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

/** Our refusals whose text tells the user to sign in again. */
const START_AGAIN = ["kcaPasskeyNotAllowed", "kcaUpstreamMfaRequired"] as const;

export default function ErrorPage({ kcContext, i18n }: PageProps<"error.ftl">) {
  const { message, client, skipLink, url } = kcContext;
  const { msg, msgStr } = i18n;
  const startAgain = url.loginRestartFlowUrl && START_AGAIN.some((key) => msgStr(key) === message.summary);

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} displayMessage={false} headerNode={msg("kcaErrorTitle")}>
      <div id="kc-error-message" className="kca-alert kca-alert-error" data-testid="page-message" data-type="error" role="alert">
        <Html as="p" html={message.summary} />
      </div>
      {startAgain && (
        <a className="kca-button kca-primary" id="kca-start-again" href={url.loginRestartFlowUrl}>
          {msg("kcaStartOver")}
        </a>
      )}
      {!skipLink && client?.baseUrl && (
        <p className="kca-info">
          <a id="backToApplication" href={client.baseUrl}>
            {msg("backToApplication")}
          </a>
        </p>
      )}
    </Layout>
  );
}
