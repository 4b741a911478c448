// The frame of every page: realm name, heading, who is signing in, the step-up notice, the page's
// message, the content, "try another way" and the language menu. It implements Keycloakify's
// TemplateProps, so Keycloakify's stock pages (the ones we do not redo) render inside it too.
import { useEffect, useRef, type ReactNode } from "react";
import type { TemplateProps } from "keycloakify/login/TemplateProps";
import { Html } from "./components/Html";
import { TryAnotherWay } from "./components/TryAnotherWay";
import type { I18n } from "./i18n";
import type { KcContext } from "./KcContext";
import { rememberUsername } from "./tabMemory";

export type LayoutProps = TemplateProps<KcContext, I18n> & {
  /** Shows the step-up notice: the user is signed in and asked for a stronger sign-in. */
  stepUp?: boolean;
  /** The step-up notice's text, where the page words it itself (set-up pages). */
  stepUpText?: ReactNode;
  /**
   * Who is signing in, where Keycloak does not say it through `auth` (set-up pages); shown with
   * "Not you? Start over" outside a step-up.
   */
  identity?: string;
  /** A line above the content, e.g. where a set-up page stands among several. */
  progressNode?: ReactNode;
  /**
   * Focus the heading, not a field, as the page opens: for pages whose instructions come before
   * the first field, so neither the screen reader nor a phone's viewport skips them.
   */
  focusHeading?: boolean;
  /**
   * Keycloak's required-action banner ("… to activate your account"): our set-up pages say what
   * they are for themselves, so they leave out warnings; errors are still shown.
   */
  hideWarnings?: boolean;
};

export default function Layout(props: LayoutProps) {
  const { kcContext, i18n, children, headerNode, infoNode, socialProvidersNode, documentTitle, bodyClassName } = props;
  const { displayMessage = true, displayInfo = false, stepUp = false, stepUpText, identity, progressNode, focusHeading = false, hideWarnings = false } = props;
  const { realm, url, auth, message, isAppInitiatedAction } = kcContext;
  const { msg, msgStr } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = documentTitle ?? msgStr("loginTitle", realm.displayName || realm.name);
  }, [documentTitle, msgStr, realm.displayName, realm.name]);

  useEffect(() => {
    if (!bodyClassName) return;
    document.body.classList.add(bodyClassName);
    return () => document.body.classList.remove(bodyClassName);
  }, [bodyClassName]);

  useAuthChecker(kcContext);

  const username = (auth?.showUsername && !auth.showResetCredentials ? auth.attemptedUsername : undefined) ?? identity;
  useEffect(() => rememberUsername(url.loginAction, username), [url.loginAction, username]);
  useEffect(() => {
    if (focusHeading) heading.current?.focus({ preventScroll: true });
  }, [focusHeading]);

  // Keycloak's own rule: a required-action warning is not repeated when the app asked for the action.
  const shownMessage =
    displayMessage && message && (message.type !== "warning" || (!isAppInitiatedAction && !hideWarnings)) ? message : undefined;

  return (
    <div className="kca-page">
      <header className="kca-topbar">
        <span className="kca-realm" id="kca-realm">
          {realm.displayName || realm.name}
        </span>
        <LanguageMenu i18n={i18n} />
      </header>
      <main className="kca-card" aria-labelledby="kca-title">
        <h1 id="kca-title" className="kca-title" ref={heading} tabIndex={focusHeading ? -1 : undefined}>
          {headerNode}
        </h1>
        {progressNode}
        {kcContext.kcaReset && (
          <p className="kca-notice" id="kca-reset-notice" data-testid="reset-notice">
            {msg("kcaResetNotice", kcContext.kcaReset.at.slice(0, 16).replace("T", " "))}
          </p>
        )}
        {stepUp && (
          <section className="kca-notice kca-notice-step-up" id="kca-step-up" data-testid="step-up-notice" aria-labelledby="kca-title">
            <p>{stepUpText ?? msg("kcaStepUpExplanation")}</p>
            {username && <p className="kca-identity">{msg("kcaSignedInAs", username)}</p>}
          </section>
        )}
        {!stepUp && username && (
          <p className="kca-identity" id="kca-identity">
            <span data-testid="attempted-username">{msg("kcaSigningInAs", username)}</span>{" "}
            <a id="reset-login" href={url.loginRestartFlowUrl}>
              {msg("kcaNotYou")} {msg("kcaStartOver")}
            </a>
          </p>
        )}
        {shownMessage && (
          <div
            id="kca-message"
            data-testid="page-message"
            data-type={shownMessage.type}
            className={`kca-alert kca-alert-${shownMessage.type}`}
            role={shownMessage.type === "error" ? "alert" : "status"}
          >
            <Html html={shownMessage.summary} />
          </div>
        )}
        {children}
        <TryAnotherWay kcContext={kcContext} i18n={i18n} />
        {socialProvidersNode}
        {displayInfo && infoNode && <div className="kca-info">{infoNode}</div>}
      </main>
    </div>
  );
}

function LanguageMenu({ i18n }: { i18n: I18n }) {
  const { enabledLanguages, currentLanguage } = i18n;
  if (enabledLanguages.length < 2) return null;
  // A disclosure of plain links: keyboard and screen-reader friendly without scripts of our own.
  return (
    <details className="kca-lang" id="kca-language">
      <summary>
        <span className="kca-visually-hidden">{i18n.msgStr("kcaLanguage")}: </span>
        {currentLanguage.label}
      </summary>
      <ul>
        {enabledLanguages.map(({ languageTag, label, href }) => (
          <li key={languageTag}>
            <a href={href} lang={languageTag} aria-current={languageTag === currentLanguage.languageTag ? "true" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Keycloak's authChecker.js, as on its own pages: when the sign-in finishes in another tab, or this
 * authentication session is replaced, this tab moves on instead of posting a stale form. Loaded
 * after the first render so it never delays the page.
 */
function useAuthChecker(kcContext: KcContext) {
  const { url, authenticationSession } = kcContext;
  useEffect(() => {
    const src = `${url.resourcesPath}/js/authChecker.js`;
    import(/* @vite-ignore */ src)
      .then((mod: { startSessionPolling?: (u: string) => void; checkAuthSession?: (h: string) => void }) => {
        mod.startSessionPolling?.(url.ssoLoginInOtherTabsUrl);
        if (authenticationSession) mod.checkAuthSession?.(authenticationSession.authSessionIdHash);
      })
      .catch(() => {
        // Not served (Storybook, tests): the page works without it.
      });
  }, [url.resourcesPath, url.ssoLoginInOtherTabsUrl, authenticationSession]);
}
