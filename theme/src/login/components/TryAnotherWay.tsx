import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";

/**
 * Keycloak's "try another way": posting `tryAnotherWay=on` leads to the method chooser
 * (select-authenticator.ftl). A real submit button, so it works from the keyboard.
 */
export function TryAnotherWay({ kcContext, i18n }: { kcContext: KcContext; i18n: I18n }) {
  if (!kcContext.auth?.showTryAnotherWayLink) return null;
  return (
    <form id="kc-select-try-another-way-form" className="kca-another-way" action={kcContext.url.loginAction} method="post">
      <input type="hidden" name="tryAnotherWay" value="on" />
      <button type="submit" id="try-another-way" className="kca-link-button">
        {i18n.msg("kcaTryAnotherWay")}
      </button>
    </form>
  );
}
