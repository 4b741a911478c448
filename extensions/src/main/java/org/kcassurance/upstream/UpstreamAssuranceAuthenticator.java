package org.kcassurance.upstream;

import org.kcassurance.spi.StepAuthenticator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

import org.jboss.logging.Logger;

/**
 * First step of an identity provider's post login flow: counts the upstream sign-in as level 1, or higher when
 * this IdP's policy trusts the upstream's MFA (acr/amr, fresh auth_time), and records it in the notes Keycloak's
 * step-up ladder reads (loa-map, level-of-authentication). Keycloak never resumes the browser flow after an IdP
 * sign-in, so the LoA conditions that follow in the same post login flow then ask local factors (or deny) only
 * for the levels the upstream did not cover. It never shows a page and never lowers what the client requested.
 */
public class UpstreamAssuranceAuthenticator implements StepAuthenticator {

    static final String TRUST = "kca.upstream.trust";
    static final String LEVELS = "kca.upstream.levels";
    static final String MAX_AGE = "kca.upstream.maxAge";

    static final String NOTE_IDP = "kca.upstream.idp";
    static final String NOTE_ACR = "kca.upstream.acr";
    static final String NOTE_AMR = "kca.upstream.amr";
    static final String NOTE_AUTH_TIME = "kca.upstream.auth_time";
    static final String NOTE_LEVEL = "kca.upstream.level";
    static final String NOTE_TRUST = "kca.upstream.trust";

    // Context data keys of Keycloak's brokers (OIDCIdentityProvider.VALIDATED_ID_TOKEN, SAMLEndpoint.SAML_AUTHN_STATEMENT).
    static final String VALIDATED_ID_TOKEN = "VALIDATED_ID_TOKEN";
    static final String SAML_AUTHN_STATEMENT = "SAML_AUTHN_STATEMENT";

    private static final Logger LOG = Logger.getLogger(UpstreamAssuranceAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();

        SerializedBrokeredIdentityContext serialized = readSerialized(authSession);
        BrokeredIdentityContext brokered = null;
        if (serialized != null) {
            try {
                brokered = serialized.deserialize(session, authSession);
            } catch (RuntimeException e) {
                LOG.warnf(e, "kca-upstream-assurance: cannot read the brokered identity of identity provider '%s'", serialized.getIdentityProviderId());
            }
        }
        if (brokered == null) {
            LOG.warnf("kca-upstream-assurance: no brokered identity in the authentication session (realm '%s', flow '%s'); "
                    + "this authenticator only works in an identity provider's post login flow",
                    context.getRealm().getName(), context.getTopLevelFlow() == null ? "?" : context.getTopLevelFlow().getAlias());
            // GENERIC_AUTHENTICATION_ERROR shows the message below; other errors end on "Invalid username or password".
            context.failure(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, null,
                    "kca-upstream-assurance: no brokered identity context", Messages.IDENTITY_PROVIDER_UNEXPECTED_ERROR);
            return;
        }
        String alias = brokered.getIdpConfig() != null ? brokered.getIdpConfig().getAlias() : serialized.getIdentityProviderId();

        UpstreamFacts facts = readFacts(brokered, serialized);

        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        UpstreamLevel.Trust trust = UpstreamLevel.Trust.of(values.get(TRUST));
        List<UpstreamLevel.Rule> rules;
        try {
            rules = UpstreamLevel.parseRules(values.get(LEVELS));
        } catch (IllegalArgumentException e) {
            LOG.warnf("kca-upstream-assurance: identity provider '%s': %s is malformed (%s); counting level 1 only", alias, LEVELS, e.getMessage());
            rules = List.of();
        }
        long maxAge = parseMaxAge(values.get(MAX_AGE), alias);

        int now = Time.currentTime();
        int level = UpstreamLevel.compute(trust, rules, facts.acr(), facts.amr(), facts.authTime(), maxAge, now);

        // Replace, not merge: a browser-flow cookie step may have copied another session's loa-map into this one.
        String loaMap = json(UpstreamLevel.loaMap(level, facts.authTime(), now));
        authSession.setAuthNote(Constants.LOA_MAP, loaMap);
        // The LoA conditions push loa-map to the user session only when one of them ran; do it here too.
        authSession.setUserSessionNote(Constants.LOA_MAP, loaMap);
        // Level 1 now; the LoA conditions raise it for each level whose loa-map entry is fresh enough.
        authSession.setAuthNote(Constants.LEVEL_OF_AUTHENTICATION, "1");

        // prompt=login / max_age: Keycloak forwards the prompt upstream. When the upstream did sign the user in
        // again just now, its levels are fresh: without this the LoA conditions would ignore loa-map and ask again.
        if (AuthenticatorUtil.isForcedReauthentication(authSession) && UpstreamLevel.reauthenticatedRecently(facts.authTime(), now)) {
            authSession.removeAuthNote(AuthenticationManager.FORCED_REAUTHENTICATION);
        }

        // Tokens' auth_time becomes the upstream's (AuthenticationManager reads this note when the session is attached),
        // never later than now: it also replaces a future value "Pass max_age" may have copied.
        Integer brokerAuthTime = UpstreamLevel.brokerAuthTime(facts.authTime(), now);
        if (brokerAuthTime != null) {
            authSession.setClientNote(AuthenticationManager.AUTH_TIME_BROKER, String.valueOf(brokerAuthTime));
        }

        UserSessionModel existing = existingUserSession(session, context.getRealm(), authSession);
        String amrNote = trust != UpstreamLevel.Trust.REJECT && !facts.amr().isEmpty() ? json(facts.amr()) : null;
        String authTime = facts.authTime() == null ? null : String.valueOf(facts.authTime());
        userSessionNote(authSession, existing, NOTE_IDP, alias);
        userSessionNote(authSession, existing, NOTE_ACR, facts.acr());
        userSessionNote(authSession, existing, NOTE_AMR, amrNote);
        userSessionNote(authSession, existing, NOTE_AUTH_TIME, authTime);
        userSessionNote(authSession, existing, NOTE_LEVEL, String.valueOf(level));
        userSessionNote(authSession, existing, NOTE_TRUST, trust.value());

        // The post login flow's event (IDENTITY_PROVIDER_POST_LOGIN, or ..._ERROR when the flow then fails) carries these.
        EventBuilder event = context.getEvent();
        if (event != null) {
            // Keycloak leaves the post-login event without a user; audits look events up by user.
            if (context.getUser() != null) event.user(context.getUser());
            event.detail("kca_upstream_idp", alias)
                    .detail("kca_upstream_acr", facts.acr())
                    .detail("kca_upstream_amr", String.join(",", facts.amr()))
                    .detail("kca_upstream_auth_time", authTime)
                    .detail("kca_upstream_level", String.valueOf(level))
                    .detail("kca_upstream_trust", trust.value());
        }
        LOG.debugf("kca-upstream-assurance: idp '%s' trust %s acr %s amr %s auth_time %s now %d -> level %d",
                alias, trust.value(), facts.acr(), facts.amr(), authTime, now, level);

        context.success();
    }

    private static SerializedBrokeredIdentityContext readSerialized(AuthenticationSessionModel authSession) {
        for (String note : new String[] { PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT, AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE }) {
            try {
                SerializedBrokeredIdentityContext serialized = SerializedBrokeredIdentityContext.readFromAuthenticationSession(authSession, note);
                if (serialized != null) {
                    return serialized;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "kca-upstream-assurance: unreadable auth note %s", note);
            }
        }
        return null;
    }

    private static UpstreamFacts readFacts(BrokeredIdentityContext brokered, SerializedBrokeredIdentityContext serialized) {
        Object token = brokered.getContextData().get(VALIDATED_ID_TOKEN);
        if (token instanceof JsonWebToken jwt) {
            return UpstreamFacts.fromToken(jwt);
        }
        // SAML: the serialized entry holds the AuthnStatement as XML (SAMLDataMarshaller).
        SerializedBrokeredIdentityContext.ContextDataEntry statement =
                serialized.getContextData() == null ? null : serialized.getContextData().get(SAML_AUTHN_STATEMENT);
        if (statement != null && statement.getClazz() != null && statement.getClazz().endsWith(".AuthnStatementType")) {
            return UpstreamFacts.fromSamlAuthnStatement(statement.getData());
        }
        return UpstreamFacts.NONE;
    }

    /** 0 when missing or blank; -1 (counts level 1 only) when not a non-negative integer. */
    private static long parseMaxAge(String value, String alias) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long maxAge = Long.parseLong(value.trim());
            if (maxAge >= 0) {
                return maxAge;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        LOG.warnf("kca-upstream-assurance: identity provider '%s': %s '%s' is not a number of seconds; counting level 1 only", alias, MAX_AGE, value);
        return -1;
    }

    private static UserSessionModel existingUserSession(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        try {
            return session.sessions().getUserSession(realm, authSession.getParentSession().getId());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * User-session notes are copied onto the user session when the sign-in completes, over the notes it already has.
     * When this sign-in re-authenticates an existing session (same id) that holds a note we leave absent now, write ""
     * so no stale upstream value (e.g. an earlier IdP's amr) outlives it.
     */
    private static void userSessionNote(AuthenticationSessionModel authSession, UserSessionModel existing, String name, String value) {
        if (value != null) {
            authSession.setUserSessionNote(name, value);
        } else if (existing != null && existing.getNote(name) != null) {
            authSession.setUserSessionNote(name, "");
        }
    }

    private static String json(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
