// "Try another way" leads here (select-authenticator.ftl): one submit button per method, each
// posting `authenticationExecution`.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function SelectAuthenticator({ kcContext, i18n }: PageProps<"select-authenticator.ftl">) {
  const { url, auth } = kcContext;
  const { msg, advancedMsgStr } = i18n;

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaChooseMethodTitle")}>
      <form id="kc-select-credential-form" action={url.loginAction} method="post">
        <ul className="kca-methods" id="kc-select-methods">
          {auth.authenticationSelections.map((selection, index) => (
            <li key={selection.authExecId}>
              <button
                type="submit"
                name="authenticationExecution"
                value={selection.authExecId}
                id={`kc-select-method-${index}`}
                data-testid="auth-method"
                data-method={selection.displayName}
                className="kca-method"
                aria-describedby={`kc-select-method-${index}-help`}
                autoFocus={index === 0}
              >
                <span className="kca-method-name">{advancedMsgStr(selection.displayName)}</span>
                <span className="kca-hint" id={`kc-select-method-${index}-help`}>
                  {advancedMsgStr(selection.helpText)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </form>
    </Layout>
  );
}
