package org.kcassurance.credential;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * True when the user has (or, negated, lacks) a stored credential of the configured type.
 *
 * Keycloak's own conditions ask whether a credential was used in this sign-in, or whether all
 * steps of a subflow are set up. Enrolling a fallback such as recovery codes without asking for one
 * at every sign-in needs "the user has none yet": a subflow with this condition (negated) and the
 * factor REQUIRED makes Keycloak set the factor up exactly once.
 */
public class UserCredentialCondition implements ConditionalAuthenticator {

    static final String TYPE = "kca.credential.type";
    static final String NEGATE = "kca.credential.negate";

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        if (user == null || config == null) return false;
        String type = config.getConfig().getOrDefault(TYPE, "");
        boolean negate = Boolean.parseBoolean(config.getConfig().get(NEGATE));
        boolean has = user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent();
        return has != negate;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
