// The small options under the sign-in fields, with the ids Keycloak's own pages use.
import type { I18n } from "../i18n";

export function RememberMe({ checked, i18n }: { checked: boolean; i18n: I18n }) {
  return (
    <div className="kca-check">
      <input type="checkbox" id="rememberMe" name="rememberMe" defaultChecked={checked} />
      <label htmlFor="rememberMe">{i18n.msg("rememberMe")}</label>
    </div>
  );
}

export function ForgotPassword({ href, i18n }: { href: string; i18n: I18n }) {
  return (
    <a id="kc-forgot-password" href={href}>
      {i18n.msg("doForgotPassword")}
    </a>
  );
}
