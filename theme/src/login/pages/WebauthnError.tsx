// After a failed passkey or security-key attempt (webauthn-error.ftl): retry (posts
// `authenticationExecution` with `isSetRetry=retry`), another method, or cancel an app-initiated set-up.
import Layout from "../Layout";
import type { PageProps } from "./PageProps";

export default function WebauthnError({ kcContext, i18n }: PageProps<"webauthn-error.ftl">) {
  const { url, execution, isAppInitiatedAction } = kcContext;
  const { msg } = i18n;

  return (
    <Layout kcContext={kcContext} i18n={i18n} doUseDefaultCss={false} headerNode={msg("kcaWebauthnErrorTitle")}>
      <p className="kca-lead">{msg("kcaWebauthnErrorIntro")}</p>
      <form id="kc-error-credential-form" className="kca-form" action={url.loginAction} method="post">
        <input type="hidden" id="executionValue" name="authenticationExecution" value={execution} />
        <input type="hidden" id="isSetRetry" name="isSetRetry" value="retry" />
        <button type="submit" id="kc-try-again" name="try-again" className="kca-button kca-primary" autoFocus>
          {msg("kcaTryAgain")}
        </button>
      </form>
      {isAppInitiatedAction && (
        <form id="kc-webauthn-settings-form" action={url.loginAction} method="post">
          <button type="submit" id="cancelWebAuthnAIA" name="cancel-aia" value="true" className="kca-button kca-secondary">
            {msg("kcaCancel")}
          </button>
        </form>
      )}
    </Layout>
  );
}
