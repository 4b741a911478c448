// Messages: Keycloak's own (merged in by Keycloakify) plus ours. The translations must stay inline
// literals: `keycloakify build` parses this file and writes them into messages_<lang>.properties.
// English and German are complete; other realm languages get Keycloak's text for Keycloak's keys
// and English for ours.
import { i18nBuilder } from "keycloakify/login";
import type { ThemeName } from "../kc.gen";

const { useI18n } = i18nBuilder
  .withThemeName<ThemeName>()
  .withCustomTranslations({
    en: {
      // Keycloak's German leaves these two in English; ours are set in both languages.
      loginOtpOneTime: "One-time code",
      authenticatorCode: "One-time code",
      // Names of the recovery-code method on "try another way", which Keycloakify's bundled
      // messages lack (Keycloak has them server-side).
      "recovery-authn-codes-display-name": "Recovery Authentication Code",
      "recovery-authn-codes-help-text": "Enter a recovery authentication code from a previously generated list.",
      kcaSignInTitle: "Sign in",
      kcaSignedInAs: "Signed in as {0}",
      kcaSigningInAs: "Signing in as {0}",
      kcaNotYou: "Not you?",
      kcaStartOver: "Start over",
      kcaStepUpTitle: "Confirm it's you",
      kcaStepUpExplanation:
        "You are already signed in. What you are about to open asks for a stronger sign-in, so please confirm with a second method.",
      // A policy tier may not use any factor of the level asked for (deny-access, provisioning/).
      kcaLevelNotAllowed: "Your account may not use the sign-in methods this application asks for. Contact your administrator.",
      kcaUpstreamMfaRequired: "This application needs a stronger sign-in than your organisation's sign-in service reported. Sign in there again with your second factor, or contact your administrator.",
      // A passkey used on the first page by a tier whose allow list leaves passkeys out.
      kcaPasskeyNotAllowed: "Your account may not sign in with a passkey. Start again and sign in with your password.",
      kcaPasskeySignIn: "Sign in with a passkey",
      kcaOr: "or",
      kcaOtpTitle: "Enter your code",
      kcaOtpHint: "Open your authenticator app and enter the {0}-digit code it shows now.",
      kcaOtpHintGeneric: "Open your authenticator app and enter the code it shows now.",
      kcaOtpChooseDevice: "Which authenticator app?",
      kcaVerify: "Verify",
      kcaClockHint:
        "Codes that keep failing usually mean the phone's clock is off. Turn on automatic date and time on your phone, then use the newest code.",
      kcaTotpSetupTitle: "Set up your authenticator app",
      // When the new method is asked for: from the realm's policy facts (policyFacts.ts), never guessed.
      kcaTotpWhenEverySignIn: "Once it is set up, you'll be asked for a code from the app every time you sign in.",
      kcaTotpWhenStepUp:
        "Once it is set up, you'll be asked for a code only when an application needs a stronger sign-in. Your usual sign-in stays as it is.",
      kcaTotpWhenDepends:
        "Once it is set up, you'll be asked for a code either every time you sign in or only when an application needs a stronger sign-in, depending on your account.",
      kcaTotpWhenUnknown: "Once it is set up, you'll be asked for a code from the app whenever a sign-in needs a second step.",
      kcaTotpOnThisDevice: "Setting up on this phone?",
      kcaTotpOpenApp: "Open it in your authenticator app",
      kcaTotpStepInstall: "Install an authenticator app, for example:",
      kcaTotpStepScan: "In the app, add an account and scan this QR code.",
      kcaTotpQrAlt: "QR code to add this account to an authenticator app",
      kcaTotpCantScan: "Can't scan? Enter the key by hand",
      kcaTotpManualKey: "Key",
      kcaTotpManualDetails: "Type: {0}, algorithm: {1}, digits: {2}, interval: {3} seconds",
      kcaTotpManualDetailsHotp: "Type: {0}, algorithm: {1}, digits: {2}, counter: {3}",
      kcaTotpStepCode: "Enter the code the app shows to finish.",
      kcaTotpDeviceName: "Device name",
      kcaTotpDeviceNameHint: "Helps you tell your devices apart later, e.g. \"Work phone\".",
      kcaTotpDeviceNameRequired: "(required)",
      kcaFinishSetup: "Finish setup",
      kcaCancel: "Cancel",
      kcaResetOtpTitle: "Remove an authenticator app",
      kcaResetOtpIntro: "Choose the authenticator app to remove. You will set up a new one next.",
      kcaWebauthnRegisterTitle: "Add a passkey or security key",
      kcaWebauthnRegisterIntro:
        "A passkey or security key lets you sign in with your fingerprint, face, screen lock or a USB/NFC key instead of typing codes.",
      kcaWebauthnLabel: "Name for this key",
      kcaWebauthnLabelHint: "For example \"Laptop fingerprint\" or \"Blue USB key\".",
      kcaWebauthnRegisterButton: "Register key",
      kcaWebauthnWorking: "Follow the instructions from your browser…",
      kcaWebauthnSignInTitle: "Use your passkey or security key",
      kcaWebauthnSignInIntro: "When you press the button, your browser asks you to touch your key or unlock your device.",
      kcaWebauthnSignInButton: "Use my key",
      kcaWebauthnYourKeys: "Your registered keys",
      kcaWebauthnErrorTitle: "The key didn't work",
      kcaWebauthnErrorIntro:
        "Your browser could not use the passkey or security key. This happens when the request was cancelled, timed out, or the key is not registered for this account.",
      kcaTryAgain: "Try again",
      kcaTryAnotherWay: "Try another way",
      kcaChooseMethodTitle: "Choose how to sign in",
      kcaRecoveryTitle: "Save your recovery codes",
      kcaRecoveryShownOnce: "The codes are shown only now: store them in a password manager, or print them and keep them somewhere safe.",
      // What a code can stand in for: from the realm's policy facts (policyFacts.ts), never guessed.
      kcaRecoveryScopeUnknown:
        "Each code can be used once in place of your usual second step, wherever your organisation's sign-in accepts recovery codes.",
      kcaRecoveryScopeReplaces: "Each code lets you sign in once in place of {0}.",
      kcaRecoveryScopeNone: "At the moment no sign-in of this service accepts these codes in place of another method.",
      kcaRecoveryScopeNotFor:
        "A code does not replace {0} where a sign-in asks for it specifically. If you lose it, only your administrator can reset it there: keep a spare if you can.",
      kcaFactor_password: "your password",
      kcaFactor_totp: "your authenticator app",
      kcaFactor_webauthn: "your security key",
      kcaFactor_passkey: "your passkey",
      kcaFactor_recovery: "a recovery code",
      kcaRecoveryAccount: "Account: {0}",
      kcaRecoveryAccountUnknown: "(your username)",
      kcaRecoveryListLabel: "Your recovery codes",
      kcaCopy: "Copy",
      kcaCopied: "Copied",
      kcaDownload: "Download",
      kcaPrint: "Print",
      kcaRecoveryConfirm: "I have stored these codes somewhere safe",
      kcaContinue: "Continue",
      kcaRecoveryFileTitle: "Recovery codes for {0}",
      kcaRecoveryFileNote: "Each code can be used once, in order, when you cannot use your usual sign-in method.",
      kcaRecoveryFileDate: "Generated on {0}",
      kcaRecoveryInputTitle: "Enter a recovery code",
      kcaRecoveryInputIntro: "Use code number {0} from the list you saved when you set up recovery codes.",
      kcaRecoveryInputLabel: "Recovery code number {0}",
      kcaRecoveryCodeFormat: "12 letters and digits, as on your list, e.g. ABCD-EFGH-JK12. Upper or lower case, spaces and dashes don't matter.",
      kcaRecoveryCodeCharacters:
        "That is not a recovery code: codes use only the letters A to Z without O, and the digits 1 to 9 (no 0). Check the code on your list.",
      kcaRecoveryCodeLength: "A recovery code has {0} letters and digits. Check that you typed all of it.",
      // After a sign-in with a recovery code (our provider adds the set-up pages), and regenerating codes.
      kcaRenewalTotp:
        "You signed in with a recovery code, so your authenticator app is not at hand. Set up the app on the device you have now. The app you set up before keeps working until you remove it in your account settings: remove it if that device is lost.",
      kcaRenewalWebauthn:
        "You signed in with a recovery code, so your security key is not at hand. Register a key you have now. The key you registered before keeps working until you remove it in your account settings: remove it if it is lost.",
      kcaRenewalCodesNext: "Next, you'll save a new set of recovery codes.",
      kcaRenewalCodes:
        "You signed in with a recovery code. Save this new set: as soon as you continue, your old codes stop working, including the ones you have not used.",
      kcaRecoveryReplaces:
        "These codes replace the recovery codes you have: as soon as you continue, your old codes stop working, including the ones you have not used.",
      kcaRecoveryReplacesIfAny: "If you already have recovery codes, these replace them: as soon as you continue, the old ones stop working.",
      // Removing a credential (delete-credential.ftl, an application's kc_action=delete_credential).
      kcaDeleteTitle: "Remove {0}?",
      kcaDeleteIntro: "{0} will be removed from your account. This cannot be undone.",
      kcaDeleteConfirm: "Remove",
      kcaDeleteKeep: "Keep it",
      kcaDeleteMustHold_totp:
        "This is your only authenticator app, and your account must have one: the next time you sign in, you'll have to set up a new app before you can continue.",
      kcaDeleteMustHold_webauthn:
        "This is your only security key, and your account must have one: the next time you sign in, you'll have to register a new key before you can continue.",
      kcaDeleteMustHold_passkey:
        "This is your only passkey, and your account must have one: the next time you sign in, you'll have to create a new passkey before you can continue.",
      kcaDeleteMustHold_recovery:
        "Your account must have recovery codes: the next time you sign in, you'll have to save a new set before you can continue.",
      kcaDeleteLastEverySignIn:
        "This is your last second sign-in method. Without it you'll sign in with your password alone, and applications that need a stronger sign-in won't let you in until you set one up again.",
      kcaDeleteLast:
        "This is your last second sign-in method. Applications that need a stronger sign-in won't let you in with your password alone until you set one up again.",
      kcaDeleteLastCodes:
        "Without recovery codes, you can't get back into your account on your own if you lose your app or key: your administrator would have to reset it.",
      kcaDeleteIfLast:
        "If this is your last second sign-in method, applications that need a stronger sign-in won't let you in with your password alone until you set one up again.",
      kcaStepUpSetupExplanation:
        "You are already signed in. What you are about to open asks for a stronger sign-in, and your account needs this set up first.",
      kcaSetupStep: "Account set-up, step {0}",
      kcaSetupStepOf: "Account set-up, step {0} of {1}",
      // After an MFA reset (kc-assurance reset); {0} is "2026-11-30 03:40", UTC.
      kcaResetNotice: "Your sign-in methods were reset on {0} UTC. Set them up again to continue. If you did not ask for this, tell your IT security team.",
      kcaSetupDone: "Done: {0}",
      kcaSetupKind_totp: "authenticator app",
      kcaSetupKind_webauthn: "security key",
      kcaSetupKind_recovery: "recovery codes",
      kcaWebauthnWhenEverySignIn: "Once it is registered, you'll be asked for your key every time you sign in.",
      kcaWebauthnWhenStepUp:
        "Once it is registered, you'll be asked for your key only when an application needs a stronger sign-in. Your usual sign-in stays as it is.",
      kcaWebauthnWhenDepends:
        "Once it is registered, you'll be asked for your key either every time you sign in or only when an application needs a stronger sign-in, depending on your account.",
      kcaWebauthnWhenUnknown: "Once it is registered, you'll be asked for your key whenever a sign-in needs it.",
      // Keycloak's required-action banner and code errors, in our words.
      invalidTotpMessage: "Invalid authenticator code.",
      accountTemporarilyDisabledMessageTotp: "Invalid authenticator code.",
      accountPermanentlyDisabledMessageTotp: "Invalid authenticator code.",
      missingTotpMessage: "Please enter the code from your authenticator app.",
      "otp-display-name": "Authenticator app",
      "otp-help-text": "Enter a code from your authenticator app.",
      configureTotpMessage: "Set up an authenticator app to continue.",
      configureBackupCodesMessage: "Save your recovery codes to continue.",
      "recovery-codes-error-invalid": "Invalid recovery code: it is not the code number asked for, or it was already used.",
      kcaShowPassword: "Show password",
      kcaHidePassword: "Hide password",
      kcaWebauthnLost: "Lost your key, or can't use it here? Ask your administrator to reset it.",
      kcaLogoutTitle: "Sign out?",
      kcaLogoutIntro: "You will be signed out of {0} on this device, in every application that uses it.",
      kcaLogoutButton: "Sign out",
      kcaLogoutStay: "Stay signed in and go back to the application",
      kcaInfoTitle: "Information",
      kcaErrorTitle: "We can't continue",
      kcaPageExpiredIntro: "This page is out of date: the browser went back, or a form was sent twice. You can pick up where you were, or start the sign-in again.",
      kcaPageExpiredContinue: "Continue where I was",
      kcaLinkTitle: "You already have an account",
      kcaLinkIntro: "The account you signed in with at {0} matches an account you already have at {1}. Link the two, and you can sign in to it through {0} from now on.",
      kcaLinkContinue: "Link to my existing account",
      kcaLinkReview: "Review my details instead",
      kcaLinkEmailTitle: "Check your email",
      // {1} is the name the provider gave (brokerContext.username), not the existing account's.
      kcaLinkEmailIntro: "To link your {0} account {1} to your existing account at {2}, we sent an email to your existing account's address. Open the link in it.",
      kcaLinkEmailNotReceived: "No email after a few minutes? Check your spam folder, or send it again. Already opened the link in another browser? Continue here.",
      kcaLinkEmailResend: "Send the email again, or continue",
      kcaReviewProfileTitle: "Check your details",
      kcaReviewProfileIntro: "Your organisation's sign-in sent these details. Check them, and fill in what is missing, to finish setting up your account.",
      kcaUpdateProfileTitle: "Complete your details",
      kcaUpdateProfileIntro: "Your account needs these details before you continue.",
      kcaRequiredFields: "Fields marked * are required.",
      kcaIdpListLabel: "Sign in with your organisation",
      kcaOrWithIdp: "or continue with your organisation's sign-in",
      kcaContinueWith: "Continue with {0}",
      kcaReauthWithIdp: "Your account signs in through {0}. Continue there to confirm it's you.",
      kcaUsePasswordInstead: "Use my password instead",
      kcaLogoutOtherSessions: "Sign out from other devices",
      kcaLanguage: "Language",
      kcaOtpDeviceFallback: "Authenticator app {0}",
    },
    de: {
      loginOtpOneTime: "Einmalcode",
      authenticatorCode: "Einmalcode",
      "recovery-authn-codes-display-name": "Wiederherstellungscode",
      "recovery-authn-codes-help-text": "Geben Sie einen Wiederherstellungscode aus einer zuvor erstellten Liste ein.",
      kcaSignInTitle: "Anmelden",
      kcaSignedInAs: "Angemeldet als {0}",
      kcaSigningInAs: "Anmeldung als {0}",
      kcaNotYou: "Nicht Sie?",
      kcaStartOver: "Neu beginnen",
      kcaStepUpTitle: "Bestätigen Sie, dass Sie es sind",
      kcaStepUpExplanation:
        "Sie sind bereits angemeldet. Was Sie öffnen möchten, verlangt eine stärkere Anmeldung. Bitte bestätigen Sie mit einer zweiten Methode.",
      kcaLevelNotAllowed: "Ihr Konto darf die Anmeldeverfahren, die diese Anwendung verlangt, nicht verwenden. Wenden Sie sich an Ihre Administration.",
      kcaUpstreamMfaRequired: "Diese Anwendung verlangt eine stärkere Anmeldung, als der Anmeldedienst Ihrer Organisation gemeldet hat. Melden Sie sich dort erneut mit Ihrem zweiten Faktor an, oder wenden Sie sich an Ihre Administration.",
      kcaPasskeyNotAllowed: "Ihr Konto darf sich nicht mit einem Passkey anmelden. Beginnen Sie neu und melden Sie sich mit Ihrem Passwort an.",
      kcaPasskeySignIn: "Mit Passkey anmelden",
      kcaOr: "oder",
      kcaOtpTitle: "Code eingeben",
      kcaOtpHint: "Öffnen Sie Ihre Authenticator-App und geben Sie den {0}-stelligen Code ein, den sie gerade anzeigt.",
      kcaOtpHintGeneric: "Öffnen Sie Ihre Authenticator-App und geben Sie den Code ein, den sie gerade anzeigt.",
      kcaOtpChooseDevice: "Welche Authenticator-App?",
      kcaVerify: "Bestätigen",
      kcaClockHint:
        "Wenn Codes immer wieder abgelehnt werden, geht meist die Uhr des Telefons falsch. Schalten Sie auf dem Telefon automatisches Datum und Uhrzeit ein und verwenden Sie den neuesten Code.",
      kcaTotpSetupTitle: "Authenticator-App einrichten",
      kcaTotpWhenEverySignIn: "Nach der Einrichtung werden Sie bei jeder Anmeldung nach einem Code aus der App gefragt.",
      kcaTotpWhenStepUp:
        "Nach der Einrichtung werden Sie nur dann nach einem Code gefragt, wenn eine Anwendung eine stärkere Anmeldung verlangt. Ihre gewohnte Anmeldung bleibt, wie sie ist.",
      kcaTotpWhenDepends:
        "Nach der Einrichtung werden Sie je nach Konto entweder bei jeder Anmeldung oder nur dann nach einem Code gefragt, wenn eine Anwendung eine stärkere Anmeldung verlangt.",
      kcaTotpWhenUnknown: "Nach der Einrichtung werden Sie immer dann nach einem Code aus der App gefragt, wenn eine Anmeldung einen zweiten Schritt verlangt.",
      kcaTotpOnThisDevice: "Richten Sie die App auf diesem Telefon ein?",
      kcaTotpOpenApp: "In der Authenticator-App öffnen",
      kcaTotpStepInstall: "Installieren Sie eine Authenticator-App, zum Beispiel:",
      kcaTotpStepScan: "Fügen Sie in der App ein Konto hinzu und scannen Sie diesen QR-Code.",
      kcaTotpQrAlt: "QR-Code, um dieses Konto einer Authenticator-App hinzuzufügen",
      kcaTotpCantScan: "Scannen geht nicht? Schlüssel von Hand eingeben",
      kcaTotpManualKey: "Schlüssel",
      kcaTotpManualDetails: "Typ: {0}, Algorithmus: {1}, Stellen: {2}, Intervall: {3} Sekunden",
      kcaTotpManualDetailsHotp: "Typ: {0}, Algorithmus: {1}, Stellen: {2}, Zähler: {3}",
      kcaTotpStepCode: "Geben Sie zum Abschluss den Code aus der App ein.",
      kcaTotpDeviceName: "Gerätename",
      kcaTotpDeviceNameHint: "Damit Sie Ihre Geräte später unterscheiden können, z. B. „Diensthandy“.",
      kcaTotpDeviceNameRequired: "(erforderlich)",
      kcaFinishSetup: "Einrichtung abschließen",
      kcaCancel: "Abbrechen",
      kcaResetOtpTitle: "Authenticator-App entfernen",
      kcaResetOtpIntro: "Wählen Sie die Authenticator-App, die entfernt werden soll. Danach richten Sie eine neue ein.",
      kcaWebauthnRegisterTitle: "Passkey oder Sicherheitsschlüssel hinzufügen",
      kcaWebauthnRegisterIntro:
        "Mit einem Passkey oder Sicherheitsschlüssel melden Sie sich per Fingerabdruck, Gesicht, Bildschirmsperre oder USB-/NFC-Schlüssel an, statt Codes einzutippen.",
      kcaWebauthnLabel: "Name für diesen Schlüssel",
      kcaWebauthnLabelHint: "Zum Beispiel „Laptop-Fingerabdruck“ oder „Blauer USB-Schlüssel“.",
      kcaWebauthnRegisterButton: "Schlüssel registrieren",
      kcaWebauthnWorking: "Folgen Sie den Anweisungen Ihres Browsers …",
      kcaWebauthnSignInTitle: "Passkey oder Sicherheitsschlüssel verwenden",
      kcaWebauthnSignInIntro: "Nach dem Klick fordert Ihr Browser Sie auf, den Schlüssel zu berühren oder das Gerät zu entsperren.",
      kcaWebauthnSignInButton: "Schlüssel verwenden",
      kcaWebauthnYourKeys: "Ihre registrierten Schlüssel",
      kcaWebauthnErrorTitle: "Der Schlüssel hat nicht funktioniert",
      kcaWebauthnErrorIntro:
        "Ihr Browser konnte den Passkey oder Sicherheitsschlüssel nicht verwenden. Das passiert, wenn die Anfrage abgebrochen wurde, zu lange dauerte oder der Schlüssel nicht für dieses Konto registriert ist.",
      kcaTryAgain: "Erneut versuchen",
      kcaTryAnotherWay: "Andere Methode wählen",
      kcaChooseMethodTitle: "Anmeldemethode wählen",
      kcaRecoveryTitle: "Wiederherstellungscodes speichern",
      kcaRecoveryShownOnce:
        "Die Codes werden nur jetzt angezeigt: Speichern Sie sie in einem Passwortmanager oder drucken Sie sie aus und bewahren Sie sie sicher auf.",
      kcaRecoveryScopeUnknown:
        "Jeder Code kann einmal anstelle Ihres üblichen zweiten Schritts verwendet werden, wo die Anmeldung Ihrer Organisation Wiederherstellungscodes annimmt.",
      kcaRecoveryScopeReplaces: "Mit jedem Code können Sie sich einmal anmelden, ohne {0}.",
      kcaRecoveryScopeNone: "Derzeit nimmt keine Anmeldung dieses Dienstes diese Codes anstelle einer anderen Methode an.",
      kcaRecoveryScopeNotFor:
        "Ein Code ersetzt nicht {0}, wo eine Anmeldung ausdrücklich danach fragt. Bei Verlust hilft dort nur ein Zurücksetzen durch Ihre Administration: Halten Sie wenn möglich Ersatz bereit.",
      kcaFactor_password: "Ihr Passwort",
      kcaFactor_totp: "Ihre Authenticator-App",
      kcaFactor_webauthn: "Ihren Sicherheitsschlüssel",
      kcaFactor_passkey: "Ihren Passkey",
      kcaFactor_recovery: "einen Wiederherstellungscode",
      kcaRecoveryAccount: "Konto: {0}",
      kcaRecoveryAccountUnknown: "(Ihr Benutzername)",
      kcaRecoveryListLabel: "Ihre Wiederherstellungscodes",
      kcaCopy: "Kopieren",
      kcaCopied: "Kopiert",
      kcaDownload: "Herunterladen",
      kcaPrint: "Drucken",
      kcaRecoveryConfirm: "Ich habe diese Codes sicher aufbewahrt",
      kcaContinue: "Weiter",
      kcaRecoveryFileTitle: "Wiederherstellungscodes für {0}",
      kcaRecoveryFileNote: "Jeder Code gilt einmal, der Reihe nach, wenn Sie Ihre übliche Anmeldemethode nicht verwenden können.",
      kcaRecoveryFileDate: "Erstellt am {0}",
      kcaRecoveryInputTitle: "Wiederherstellungscode eingeben",
      kcaRecoveryInputIntro: "Verwenden Sie Code Nummer {0} aus der Liste, die Sie beim Einrichten gespeichert haben.",
      kcaRecoveryInputLabel: "Wiederherstellungscode Nummer {0}",
      kcaRecoveryCodeFormat:
        "12 Buchstaben und Ziffern, wie auf Ihrer Liste, z. B. ABCD-EFGH-JK12. Groß- oder Kleinschreibung, Leerzeichen und Bindestriche spielen keine Rolle.",
      kcaRecoveryCodeCharacters:
        "Das ist kein Wiederherstellungscode: Codes enthalten nur die Buchstaben A bis Z ohne O und die Ziffern 1 bis 9 (keine 0). Prüfen Sie den Code auf Ihrer Liste.",
      kcaRecoveryCodeLength: "Ein Wiederherstellungscode hat {0} Buchstaben und Ziffern. Prüfen Sie, ob Sie ihn vollständig eingegeben haben.",
      kcaRenewalTotp:
        "Sie haben sich mit einem Wiederherstellungscode angemeldet, Ihre Authenticator-App ist also nicht zur Hand. Richten Sie die App auf dem Gerät ein, das Sie jetzt haben. Die früher eingerichtete App funktioniert weiter, bis Sie sie in Ihren Kontoeinstellungen entfernen: Entfernen Sie sie, wenn das Gerät verloren ist.",
      kcaRenewalWebauthn:
        "Sie haben sich mit einem Wiederherstellungscode angemeldet, Ihr Sicherheitsschlüssel ist also nicht zur Hand. Registrieren Sie einen Schlüssel, den Sie jetzt haben. Der früher registrierte Schlüssel funktioniert weiter, bis Sie ihn in Ihren Kontoeinstellungen entfernen: Entfernen Sie ihn, wenn er verloren ist.",
      kcaRenewalCodesNext: "Danach speichern Sie einen neuen Satz Wiederherstellungscodes.",
      kcaRenewalCodes:
        "Sie haben sich mit einem Wiederherstellungscode angemeldet. Speichern Sie diesen neuen Satz: Sobald Sie fortfahren, gelten Ihre alten Codes nicht mehr, auch die noch nicht verwendeten.",
      kcaRecoveryReplaces:
        "Diese Codes ersetzen Ihre bisherigen Wiederherstellungscodes: Sobald Sie fortfahren, gelten die alten nicht mehr, auch die noch nicht verwendeten.",
      kcaRecoveryReplacesIfAny: "Falls Sie schon Wiederherstellungscodes haben, ersetzen diese sie: Sobald Sie fortfahren, gelten die alten nicht mehr.",
      kcaDeleteTitle: "{0} entfernen?",
      kcaDeleteIntro: "{0} wird aus Ihrem Konto entfernt. Das lässt sich nicht rückgängig machen.",
      kcaDeleteConfirm: "Entfernen",
      kcaDeleteKeep: "Behalten",
      kcaDeleteMustHold_totp:
        "Das ist Ihre einzige Authenticator-App, und Ihr Konto muss eine haben: Bei der nächsten Anmeldung müssen Sie eine neue App einrichten, bevor Sie fortfahren können.",
      kcaDeleteMustHold_webauthn:
        "Das ist Ihr einziger Sicherheitsschlüssel, und Ihr Konto muss einen haben: Bei der nächsten Anmeldung müssen Sie einen neuen Schlüssel registrieren, bevor Sie fortfahren können.",
      kcaDeleteMustHold_passkey:
        "Das ist Ihr einziger Passkey, und Ihr Konto muss einen haben: Bei der nächsten Anmeldung müssen Sie einen neuen Passkey erstellen, bevor Sie fortfahren können.",
      kcaDeleteMustHold_recovery:
        "Ihr Konto muss Wiederherstellungscodes haben: Bei der nächsten Anmeldung müssen Sie einen neuen Satz speichern, bevor Sie fortfahren können.",
      kcaDeleteLastEverySignIn:
        "Das ist Ihre letzte zweite Anmeldemethode. Ohne sie melden Sie sich nur mit Ihrem Passwort an, und Anwendungen, die eine stärkere Anmeldung verlangen, lassen Sie erst wieder ein, wenn Sie eine neue eingerichtet haben.",
      kcaDeleteLast:
        "Das ist Ihre letzte zweite Anmeldemethode. Anwendungen, die eine stärkere Anmeldung verlangen, lassen Sie mit dem Passwort allein nicht ein, bis Sie wieder eine eingerichtet haben.",
      kcaDeleteLastCodes:
        "Ohne Wiederherstellungscodes kommen Sie nicht selbst wieder in Ihr Konto, wenn Sie Ihre App oder Ihren Schlüssel verlieren: Dann müsste Ihr Administrator sie zurücksetzen.",
      kcaDeleteIfLast:
        "Falls das Ihre letzte zweite Anmeldemethode ist, lassen Anwendungen, die eine stärkere Anmeldung verlangen, Sie mit dem Passwort allein nicht ein, bis Sie wieder eine eingerichtet haben.",
      kcaStepUpSetupExplanation:
        "Sie sind bereits angemeldet. Was Sie öffnen möchten, verlangt eine stärkere Anmeldung, und dafür muss Ihr Konto zuerst eingerichtet werden.",
      kcaSetupStep: "Kontoeinrichtung, Schritt {0}",
      kcaSetupStepOf: "Kontoeinrichtung, Schritt {0} von {1}",
      kcaResetNotice: "Ihre Anmeldemethoden wurden am {0} UTC zurückgesetzt. Richten Sie sie neu ein, um fortzufahren. Wenn Sie das nicht beantragt haben, melden Sie es Ihrem IT-Sicherheitsteam.",
      kcaSetupDone: "Erledigt: {0}",
      kcaSetupKind_totp: "Authenticator-App",
      kcaSetupKind_webauthn: "Sicherheitsschlüssel",
      kcaSetupKind_recovery: "Wiederherstellungscodes",
      kcaWebauthnWhenEverySignIn: "Nach der Registrierung werden Sie bei jeder Anmeldung nach Ihrem Schlüssel gefragt.",
      kcaWebauthnWhenStepUp:
        "Nach der Registrierung werden Sie nur dann nach Ihrem Schlüssel gefragt, wenn eine Anwendung eine stärkere Anmeldung verlangt. Ihre gewohnte Anmeldung bleibt, wie sie ist.",
      kcaWebauthnWhenDepends:
        "Nach der Registrierung werden Sie je nach Konto entweder bei jeder Anmeldung oder nur dann nach Ihrem Schlüssel gefragt, wenn eine Anwendung eine stärkere Anmeldung verlangt.",
      kcaWebauthnWhenUnknown: "Nach der Registrierung werden Sie immer dann nach Ihrem Schlüssel gefragt, wenn eine Anmeldung ihn verlangt.",
      // Keycloak's German leaves these half in English ("Ungültiger One-time Code.").
      invalidTotpMessage: "Ungültiger Code aus der Authenticator-App.",
      accountTemporarilyDisabledMessageTotp: "Ungültiger Code aus der Authenticator-App.",
      accountPermanentlyDisabledMessageTotp: "Ungültiger Code aus der Authenticator-App.",
      missingTotpMessage: "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.",
      "otp-display-name": "Authenticator-App",
      "otp-help-text": "Einen Code aus Ihrer Authenticator-App eingeben.",
      configureTotpMessage: "Richten Sie eine Authenticator-App ein, um fortzufahren.",
      configureBackupCodesMessage: "Speichern Sie Ihre Wiederherstellungscodes, um fortzufahren.",
      "recovery-codes-error-invalid": "Ungültiger Wiederherstellungscode: Er ist nicht der verlangte oder wurde schon verwendet.",
      kcaShowPassword: "Passwort anzeigen",
      kcaHidePassword: "Passwort verbergen",
      kcaWebauthnLost: "Schlüssel verloren oder hier nicht nutzbar? Bitten Sie Ihre Administration, ihn zurückzusetzen.",
      kcaLogoutTitle: "Abmelden?",
      kcaLogoutIntro: "Sie werden auf diesem Gerät von {0} abgemeldet, in allen Anwendungen, die es nutzen.",
      kcaLogoutButton: "Abmelden",
      kcaLogoutStay: "Angemeldet bleiben und zur Anwendung zurückkehren",
      kcaInfoTitle: "Information",
      kcaErrorTitle: "Wir können nicht fortfahren",
      kcaPageExpiredIntro:
        "Diese Seite ist veraltet: Der Browser ist zurückgegangen, oder ein Formular wurde zweimal gesendet. Sie können dort weitermachen, wo Sie waren, oder die Anmeldung neu beginnen.",
      kcaPageExpiredContinue: "Dort weitermachen, wo ich war",
      kcaLinkTitle: "Sie haben bereits ein Konto",
      kcaLinkIntro:
        "Das Konto, mit dem Sie sich bei {0} angemeldet haben, passt zu einem Konto, das Sie bei {1} schon haben. Verknüpfen Sie beide, dann können Sie sich künftig über {0} anmelden.",
      kcaLinkContinue: "Mit meinem bestehenden Konto verknüpfen",
      kcaLinkReview: "Stattdessen meine Angaben prüfen",
      kcaLinkEmailTitle: "Prüfen Sie Ihre E-Mails",
      kcaLinkEmailIntro:
        "Um Ihr Konto {1} bei {0} mit Ihrem bestehenden Konto bei {2} zu verknüpfen, haben wir eine E-Mail an die Adresse Ihres bestehenden Kontos gesendet. Öffnen Sie den Link darin.",
      kcaLinkEmailNotReceived:
        "Nach einigen Minuten keine E-Mail? Sehen Sie im Spam-Ordner nach oder senden Sie sie erneut. Link schon in einem anderen Browser geöffnet? Dann fahren Sie hier fort.",
      kcaLinkEmailResend: "E-Mail erneut senden oder fortfahren",
      kcaReviewProfileTitle: "Prüfen Sie Ihre Angaben",
      kcaReviewProfileIntro:
        "Die Anmeldung Ihrer Organisation hat diese Angaben übermittelt. Prüfen Sie sie und ergänzen Sie Fehlendes, um Ihr Konto fertig einzurichten.",
      kcaUpdateProfileTitle: "Angaben vervollständigen",
      kcaUpdateProfileIntro: "Ihr Konto braucht diese Angaben, bevor es weitergeht.",
      kcaRequiredFields: "Mit * markierte Felder sind Pflichtfelder.",
      kcaIdpListLabel: "Mit Ihrer Organisation anmelden",
      kcaOrWithIdp: "oder mit der Anmeldung Ihrer Organisation fortfahren",
      kcaContinueWith: "Weiter mit {0}",
      kcaReauthWithIdp: "Ihr Konto meldet sich über {0} an. Fahren Sie dort fort, um zu bestätigen, dass Sie es sind.",
      kcaUsePasswordInstead: "Stattdessen mein Passwort verwenden",
      kcaLogoutOtherSessions: "Auf anderen Geräten abmelden",
      kcaLanguage: "Sprache",
      kcaOtpDeviceFallback: "Authenticator-App {0}",
    },
  })
  .build();

type I18n = ReturnType<typeof useI18n>["i18n"];

export { useI18n, type I18n };
