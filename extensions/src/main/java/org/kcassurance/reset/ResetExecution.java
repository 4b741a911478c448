package org.kcassurance.reset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Carries out an approved reset: removes exactly the named factors' credentials, signs the user out
 * everywhere (tokens issued before now stop working), sends them through setting up what their tiers
 * require and they no longer have, and e-mails them.
 */
final class ResetExecution {

    /** Credential types per factor name, in the order requests, e-mails and messages name them. */
    static final Map<String, String> CREDENTIAL_TYPE = orderedMap(
            "totp", OTPCredentialModel.TYPE,
            "webauthn", WebAuthnCredentialModel.TYPE_TWOFACTOR,
            "passkey", WebAuthnCredentialModel.TYPE_PASSWORDLESS,
            "recovery-codes", RecoveryAuthnCodesCredentialModel.TYPE);

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return Collections.unmodifiableMap(m);
    }

    /** The credential type each set-up required action creates. */
    static final Map<String, String> ACTION_CREDENTIAL = Map.of(
            "CONFIGURE_TOTP", OTPCredentialModel.TYPE,
            "webauthn-register", WebAuthnCredentialModel.TYPE_TWOFACTOR,
            "webauthn-register-passwordless", WebAuthnCredentialModel.TYPE_PASSWORDLESS,
            "CONFIGURE_RECOVERY_AUTHN_CODES", RecoveryAuthnCodesCredentialModel.TYPE);

    record Outcome(List<String> removedTypes, int sessionsEnded, Set<String> requiredActions, String notified) {
    }

    private ResetExecution() {
    }

    static Outcome run(KeycloakSession session, RealmModel realm, UserModel user, ResetRequestEntity request, Set<String> reenroll,
            String requester, List<String> approvers) {
        List<String> removed = new ArrayList<>();
        for (String factor : request.getFactors().split(",")) {
            String type = CREDENTIAL_TYPE.get(factor);
            if (type == null) continue;
            user.credentialManager().getStoredCredentialsByTypeStream(type).toList().forEach(c -> {
                user.credentialManager().removeStoredCredentialById(c.getId());
                removed.add(type);
                new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.REMOVE_CREDENTIAL).user(user)
                        .detail(Details.CREDENTIAL_TYPE, type).detail(Details.CREDENTIAL_ID, c.getId())
                        .detail("kca_reset_request", request.getId()).success();
            });
        }

        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        sessions.forEach(s -> AuthenticationManager.backchannelLogout(session, realm, s, session.getContext().getUri(),
                session.getContext().getConnection(), session.getContext().getRequestHeaders(), true));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));

        Set<String> actions = new LinkedHashSet<>();
        for (String action : reenroll) {
            String type = ACTION_CREDENTIAL.get(action);
            if (type != null && user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isEmpty()) {
                user.addRequiredAction(action);
                actions.add(action);
            }
        }

        return new Outcome(removed, sessions.size() + offline.size(), actions, notify(session, realm, user, request, requester, approvers));
    }

    /** "sent", or why not: the reset stands either way, and the event says which. */
    private static String notify(KeycloakSession session, RealmModel realm, UserModel user, ResetRequestEntity request, String requester,
            List<String> approvers) {
        if (user.getEmail() == null || user.getEmail().isBlank()) return "no: the user has no e-mail address";
        if (realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty()) return "no: the realm has no SMTP settings";
        String locale = user.getFirstAttribute(UserModel.LOCALE);
        ResetMail.Mail mail = ResetMail.compose(locale != null ? locale : realm.getDefaultLocale(),
                realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName(), user.getUsername(),
                List.of(request.getFactors().split(",")), Time.currentTime(), requester, approvers, request.getId());
        try {
            session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), user, mail.subject(), mail.text(), mail.html());
            return "sent";
        } catch (EmailException e) {
            return "no: " + e.getMessage();
        }
    }
}
