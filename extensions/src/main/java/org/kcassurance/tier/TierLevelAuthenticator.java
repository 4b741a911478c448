package org.kcassurance.tier;

import org.kcassurance.spi.StepAuthenticator;
import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Raises the level of authentication this sign-in must reach when the user holds a tier role.
 *
 * Keycloak's step-up ladder (conditional-level-of-authentication subflows) runs the levels up to the
 * level the client requested. A tier ("every sign-in of platform admins reaches level 3") needs that
 * level requested for its users whatever the client asked; this authenticator sets the requested
 * level to max(requested, tier level), so the same ladder runs and records the levels, and tokens
 * carry the tier level's acr. It never lowers a request and never authenticates anyone by itself.
 */
public class TierLevelAuthenticator implements StepAuthenticator {

    static final String ROLE = "kca.tier.role";
    static final String LEVEL = "kca.tier.level";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        UserModel user = context.getUser();
        if (config != null && user != null) {
            Map<String, String> values = config.getConfig();
            RoleModel role = context.getRealm().getRole(values.getOrDefault(ROLE, ""));
            Integer level = parse(values.get(LEVEL));
            if (role != null && level != null && user.hasRole(role)) {
                AuthenticationSessionModel authSession = context.getAuthenticationSession();
                Integer requested = parse(authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION));
                if (requested == null || requested < level) {
                    authSession.setClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION, String.valueOf(level));
                }
            }
        }
        context.success();
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
