import type { I18n } from "../i18n";

/** Keycloak's "sign out other sessions" option of credential set-up forms (field `logout-sessions`). */
export function LogoutOtherSessions({ i18n }: { i18n: I18n }) {
  return (
    <div className="kca-check">
      <input type="checkbox" id="logout-sessions" name="logout-sessions" value="on" />
      <label htmlFor="logout-sessions">{i18n.msg("kcaLogoutOtherSessions")}</label>
    </div>
  );
}
