package org.kcassurance.recovery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.authenticators.browser.RecoveryAuthnCodesFormAuthenticatorFactory;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.CommonClientSessionModel.ExecutionStatus;

/**
 * After a sign-in in which a recovery code stood in for a factor, leads the user to set up what they
 * could not use and a new set of codes. Keycloak alone does neither: it asks for new codes only once
 * the last one is used, and never for the factor the code replaced.
 *
 * A required action that only triggers (evaluateTriggers, which Keycloak runs for every enabled
 * action once a sign-in's flow is done): when this sign-in used a recovery code, it adds to the
 * authentication session the set-up actions of the factors offered next to the code form that the
 * user has (the ones the code stood in for: the tier's required factor, or the level's choice), then
 * CONFIGURE_RECOVERY_AUTHN_CODES. Keycloak runs them in its priority order (a new factor first). The
 * auth note {@link #NOTE} lists them; our login forms provider tells the pages (kcaRecoveryRenewal).
 * The action itself never shows a page. The sign-in's events carry {@link #EVENT_DETAIL}; once, it
 * also sends a CUSTOM_REQUIRED_ACTION event naming the set-up actions added ({@link #RENEWAL_DETAIL}).
 */
public class RecoveryRenewal implements RequiredActionProvider {

    /**
     * Login event detail on a sign-in in which a recovery code was used: Keycloak's own events cannot
     * tell it from one in which codes were only set up (both carry credential_type recovery-authn-codes).
     */
    public static final String EVENT_DETAIL = "kca_recovery_code";

    /** Auth note: the set-up actions added after a recovery code, comma-separated. */
    public static final String NOTE = "kca.recovery.renewal";
    /** Detail of the CUSTOM_REQUIRED_ACTION event sent when a sign-in used a recovery code: the set-up actions added. */
    public static final String RENEWAL_DETAIL = "kca_renewal";
    static final String RECOVERY_FORM = RecoveryAuthnCodesFormAuthenticatorFactory.PROVIDER_ID;

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession == null || !AuthenticatorUtil.getAuthnCredentials(authSession).contains(RecoveryAuthnCodesCredentialModel.TYPE)) return;
        // Keycloak runs the triggers again after each required action, in that request with its own
        // event; the last such event is the LOGIN one, so each of them is marked.
        context.getEvent().detail(EVENT_DETAIL, "used");
        if (authSession.getAuthNote(NOTE) != null) return;
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        Set<String> actions = new LinkedHashSet<>();
        for (Map.Entry<String, ExecutionStatus> status : authSession.getExecutionStatus().entrySet()) {
            if (status.getValue() != ExecutionStatus.SUCCESS) continue;
            AuthenticationExecutionModel used = realm.getAuthenticationExecutionById(status.getKey());
            if (used == null || !RECOVERY_FORM.equals(used.getAuthenticator())) continue;
            realm.getAuthenticationExecutionsStream(used.getParentFlow())
                    .filter(e -> !e.isAuthenticatorFlow() && e.isAlternative() && !RECOVERY_FORM.equals(e.getAuthenticator()))
                    .forEach(e -> actions.addAll(setupActions(session, realm, user, e.getAuthenticator())));
        }
        actions.add(UserModel.RequiredAction.CONFIGURE_RECOVERY_AUTHN_CODES.name());
        List<String> added = actions.stream().filter(alias -> {
            RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(alias);
            return model != null && model.isEnabled();
        }).toList();
        added.forEach(authSession::addRequiredAction);
        authSession.setAuthNote(NOTE, String.join(",", added));
        // The marked LOGIN comes only if the user completes the set-up pages; this event (marked too) is
        // there at once, and says what the user was asked to set up (kc-assurance audit shows it).
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, RecoveryRenewalFactory.ID)
                .detail(RENEWAL_DETAIL, String.join(",", added))
                .success();
    }

    /** The set-up actions of a factor's form the user has set up (none for one they have not). */
    private static List<String> setupActions(KeycloakSession session, RealmModel realm, UserModel user, String providerId) {
        if (!(session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, providerId) instanceof AuthenticatorFactory factory)) return List.of();
        Authenticator authenticator = factory.create(session);
        if (!authenticator.requiresUser() || !authenticator.configuredFor(session, realm, user)) return List.of();
        return authenticator.getRequiredActions(session).stream().map(RequiredActionFactory::getId).toList();
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        // Never a page of its own: set on a user by hand, it simply completes.
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}
