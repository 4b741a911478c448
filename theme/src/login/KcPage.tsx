// Page router. Our MFA and sign-in pages are in the main bundle (no extra round trip before the
// first field is usable); our pages for the rest of a user's way (sign-out, information and error
// pages, brokered first sign-in, profile forms) and Keycloakify's stock page for everything else
// (inside our Layout) are loaded on demand, so they add nothing to the sign-in pages' weight.
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
const LogoutConfirm = lazy(() => import("./pages/LogoutConfirm"));
const Info = lazy(() => import("./pages/Info"));
const ErrorPage = lazy(() => import("./pages/Error"));
const LoginPageExpired = lazy(() => import("./pages/LoginPageExpired"));
const LoginIdpLinkConfirm = lazy(() => import("./pages/LoginIdpLinkConfirm"));
const LoginIdpLinkEmail = lazy(() => import("./pages/LoginIdpLinkEmail"));
const UserProfile = lazy(() => import("./pages/UserProfile"));
const DeleteCredential = lazy(() => import("./pages/DeleteCredential"));

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
  "logout-confirm.ftl",
  "info.ftl",
  "error.ftl",
  "login-page-expired.ftl",
  "login-idp-link-confirm.ftl",
  "login-idp-link-email.ftl",
  "idp-review-user-profile.ftl",
  "login-update-profile.ftl",
  "update-email.ftl",
  "delete-credential.ftl",
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
          <LazyPage kcContext={kcContext} i18n={i18n} />
        </Suspense>
      );
  }
}

function LazyPage({ kcContext, i18n }: { kcContext: KcContext; i18n: ReturnType<typeof useI18n>["i18n"] }) {
  switch (kcContext.pageId) {
    case "logout-confirm.ftl":
      return <LogoutConfirm kcContext={kcContext} i18n={i18n} />;
    case "info.ftl":
      return <Info kcContext={kcContext} i18n={i18n} />;
    case "error.ftl":
      return <ErrorPage kcContext={kcContext} i18n={i18n} />;
    case "login-page-expired.ftl":
      return <LoginPageExpired kcContext={kcContext} i18n={i18n} />;
    case "login-idp-link-confirm.ftl":
      return <LoginIdpLinkConfirm kcContext={kcContext} i18n={i18n} />;
    case "login-idp-link-email.ftl":
      return <LoginIdpLinkEmail kcContext={kcContext} i18n={i18n} />;
    case "idp-review-user-profile.ftl":
    case "login-update-profile.ftl":
    case "update-email.ftl":
      return <UserProfile kcContext={kcContext} i18n={i18n} />;
    case "delete-credential.ftl":
      return <DeleteCredential kcContext={kcContext} i18n={i18n} />;
    default:
      return <StockPage kcContext={kcContext} i18n={i18n} />;
  }
}
