// Page router. Our MFA and sign-in pages are in the main bundle (no extra round trip before the
// first field is usable); every other page is Keycloakify's stock page inside our Layout, loaded
// on demand.
import { lazy, Suspense } from "react";
import { useI18n } from "./i18n";
import type { KcContext } from "./KcContext";
import Login from "./pages/Login";
import LoginConfigTotp from "./pages/LoginConfigTotp";
import LoginOtp from "./pages/LoginOtp";
import LoginPassword from "./pages/LoginPassword";
import LoginRecoveryAuthnCodeConfig from "./pages/LoginRecoveryAuthnCodeConfig";
import LoginRecoveryAuthnCodeInput from "./pages/LoginRecoveryAuthnCodeInput";
import LoginResetOtp from "./pages/LoginResetOtp";
import LoginUsername from "./pages/LoginUsername";
import SelectAuthenticator from "./pages/SelectAuthenticator";
import WebauthnAuthenticate from "./pages/WebauthnAuthenticate";
import WebauthnError from "./pages/WebauthnError";
import WebauthnRegister from "./pages/WebauthnRegister";
import "./styles.css";

const StockPage = lazy(() => import("./StockPage"));

/** The pages this theme draws itself; the rest are Keycloakify's. */
export const OWN_PAGES = [
  "login.ftl",
  "login-username.ftl",
  "login-password.ftl",
  "login-otp.ftl",
  "login-config-totp.ftl",
  "login-reset-otp.ftl",
  "webauthn-authenticate.ftl",
  "webauthn-register.ftl",
  "webauthn-error.ftl",
  "login-recovery-authn-code-config.ftl",
  "login-recovery-authn-code-input.ftl",
  "select-authenticator.ftl",
] as const satisfies readonly KcContext["pageId"][];

export default function KcPage({ kcContext }: { kcContext: KcContext }) {
  const { i18n } = useI18n({ kcContext });
  // Non-English messages are fetched first; rendering English text meanwhile would flash.
  if (i18n.isFetchingTranslations) return null;
  switch (kcContext.pageId) {
    case "login.ftl":
      return <Login kcContext={kcContext} i18n={i18n} />;
    case "login-username.ftl":
      return <LoginUsername kcContext={kcContext} i18n={i18n} />;
    case "login-password.ftl":
      return <LoginPassword kcContext={kcContext} i18n={i18n} />;
    case "login-otp.ftl":
      return <LoginOtp kcContext={kcContext} i18n={i18n} />;
    case "login-config-totp.ftl":
      return <LoginConfigTotp kcContext={kcContext} i18n={i18n} />;
    case "login-reset-otp.ftl":
      return <LoginResetOtp kcContext={kcContext} i18n={i18n} />;
    case "webauthn-authenticate.ftl":
      return <WebauthnAuthenticate kcContext={kcContext} i18n={i18n} />;
    case "webauthn-register.ftl":
      return <WebauthnRegister kcContext={kcContext} i18n={i18n} />;
    case "webauthn-error.ftl":
      return <WebauthnError kcContext={kcContext} i18n={i18n} />;
    case "login-recovery-authn-code-config.ftl":
      return <LoginRecoveryAuthnCodeConfig kcContext={kcContext} i18n={i18n} />;
    case "login-recovery-authn-code-input.ftl":
      return <LoginRecoveryAuthnCodeInput kcContext={kcContext} i18n={i18n} />;
    case "select-authenticator.ftl":
      return <SelectAuthenticator kcContext={kcContext} i18n={i18n} />;
    default:
      return (
        <Suspense>
          <StockPage kcContext={kcContext} i18n={i18n} />
        </Suspense>
      );
  }
}
