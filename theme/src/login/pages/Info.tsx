// Keycloak's information page (info.ftl): after a sign-out without a way back, after an action from
// an email link ("perform the following actions"), when an account was updated. The message is the
// heading's explanation; the way on is a button.
import { Html } from "../components/Html";
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function Info({ kcContext, i18n }: PageProps<"info.ftl">) {
  const { messageHeader, message, requiredActions, skipLink, pageRedirectUri, actionUri, client } = kcContext;
  const { msg, msgStr, advancedMsgStr } = i18n;
  const summary = message.summary?.trim() ?? "";
  const next = skipLink
    ? undefined
    : pageRedirectUri
      ? { href: pageRedirectUri, label: msg("backToApplication") }
      : actionUri
        ? { href: actionUri, label: msg("proceedWithAction") }
        : client.baseUrl
          ? { href: client.baseUrl, label: msg("backToApplication") }
          : undefined;

  return (
    <Layout
      kcContext={kcContext}
      i18n={i18n}
      doUseDefaultCss={false}
      displayMessage={false}
      headerNode={<Html html={messageHeader ? advancedMsgStr(messageHeader) : summary || msgStr("kcaInfoTitle")} />}
    >
      <div id="kc-info-message" data-testid="info-message">
        {messageHeader && summary && <Html as="p" className="kca-lead" html={summary} />}
        {requiredActions && requiredActions.length > 0 && (
          <ul className="kca-list" id="kca-required-actions">
            {requiredActions.map((action) => (
              <li key={action}>{advancedMsgStr(`requiredAction.${action}`)}</li>
            ))}
          </ul>
        )}
      </div>
      {next && (
        <a className="kca-button kca-primary" id={actionUri && !pageRedirectUri ? "kca-proceed" : "kca-back-to-application"} href={next.href}>
          {next.label}
        </a>
      )}
    </Layout>
  );
}
