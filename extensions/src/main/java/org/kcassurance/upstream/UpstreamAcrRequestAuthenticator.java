package org.kcassurance.upstream;

import org.kcassurance.spi.StepAuthenticator;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

import org.jboss.logging.Logger;

/**
 * Browser-flow ALTERNATIVE between the cookie step and the identity provider redirector / login forms: sets the
 * acr_values Keycloak sends to an upstream identity provider to the upstream's own value for the level the client
 * requested (kca.upstream.request), or to "" when there is none. Keycloak's broker reads the client note
 * client_request_param_acr_values first and falls back to the client's raw acr_values (our local acr strings, which
 * mean nothing upstream) only when that note is absent; "" sends nothing. Always ends "attempted", so the next
 * alternative runs; it never authenticates anyone.
 */
public class UpstreamAcrRequestAuthenticator implements StepAuthenticator {

    static final String REQUEST = "kca.upstream.request";

    /** The note AbstractOAuth2IdentityProvider.appendForwardedParameters reads for acr_values. */
    static final String NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + OAuth2Constants.ACR_VALUES;

    private static final Logger LOG = Logger.getLogger(UpstreamAcrRequestAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int requested = requestedLevel(context, authSession);

        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String json = config == null || config.getConfig() == null ? null : config.getConfig().get(REQUEST);
        String acrValues = UpstreamAcrRequest.acrValues(json, requested, message -> LOG.warnf(
                "kca-upstream-request: realm '%s': %s is malformed (%s); asking the upstream for no acr_values",
                context.getRealm().getName(), REQUEST, message));

        // Always written, "" included: a missing note would forward the client's local acr_values instead.
        authSession.setClientNote(NOTE, acrValues);
        LOG.debugf("kca-upstream-request: requested level %d -> upstream acr_values '%s'", requested, acrValues);

        context.attempted();
    }

    /** The client's requested (or default/minimum) level, or kc_action's; -1 when none or unreadable. */
    private static int requestedLevel(AuthenticationFlowContext context, AuthenticationSessionModel authSession) {
        try {
            return new AcrStore(context.getSession(), authSession).getRequestedLevelOfAuthentication(context.getTopLevelFlow());
        } catch (RuntimeException e) {
            // AcrStore parses the note with Integer.parseInt; something else may have written it.
            LOG.warnf("kca-upstream-request: unreadable requested level '%s' (%s); asking the upstream for no acr_values",
                    authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION), e.getMessage());
            return Constants.NO_LOA;
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.attempted();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
