package org.kcassurance.broker;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keycloak runs no browser flow after an identity provider's sign-in, only the provider's post-login flow, so a
 * provider added in the admin console without one would skip every tier's factors until the next apply. In a
 * realm kc-assurance manages (realm attribute {@value #UNLISTED_FLOW} names the post-login flow of providers the
 * policy does not list), a provider created or updated without a post-login flow of ours gets that flow at once,
 * in the same transaction, and stops forwarding the clients' local acr_values.
 */
public class UnlistedProviderGuard implements EventListenerProvider {

    static final String UNLISTED_FLOW = "kca.broker.unlistedFlow";
    static final String OUR_FLOWS = "kca-broker-";
    static final String FORWARD_PARAMETERS = "forwardParameters";

    private static final Logger LOG = Logger.getLogger(UnlistedProviderGuard.class);

    private final KeycloakSession session;

    UnlistedProviderGuard(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.IDENTITY_PROVIDER || event.getError() != null) return;
        if (event.getOperationType() != OperationType.CREATE && event.getOperationType() != OperationType.UPDATE) return;
        String alias = aliasOf(event.getResourcePath());
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (alias == null || realm == null) return;
        String unlisted = realm.getAttribute(UNLISTED_FLOW);
        if (unlisted == null || unlisted.isBlank()) return;

        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
            if (idp == null) return;
            AuthenticationFlowModel current = idp.getPostBrokerLoginFlowId() == null ? null : realm.getAuthenticationFlowById(idp.getPostBrokerLoginFlowId());
            if (current != null && current.getAlias().startsWith(OUR_FLOWS)) return;
            AuthenticationFlowModel flow = realm.getFlowByAlias(unlisted);
            if (flow == null) {
                LOG.warnf("kca-idp-guard: realm '%s' names post-login flow '%s', which does not exist; identity provider '%s' left as it is",
                        realm.getName(), unlisted, alias);
                return;
            }
            idp.setPostBrokerLoginFlowId(flow.getId());
            idp.getConfig().put(FORWARD_PARAMETERS, withoutAcrValues(idp.getConfig().get(FORWARD_PARAMETERS)));
            session.identityProviders().update(idp);
            LOG.infof("kca-idp-guard: identity provider '%s' of realm '%s' had no post-login flow of ours; bound to '%s' (trust reject until the policy lists it)",
                    alias, realm.getName(), unlisted);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    /** "identity-provider/instances/{alias}" (create and update); mapper paths are not providers. */
    static String aliasOf(String resourcePath) {
        if (resourcePath == null) return null;
        String[] parts = resourcePath.split("/");
        if (parts.length != 3 || !"identity-provider".equals(parts[0]) || !"instances".equals(parts[1]) || parts[2].isEmpty()) return null;
        return parts[2];
    }

    /** The admin's list without acr_values (local acr strings must not reach the provider), with max_age. */
    static String withoutAcrValues(String forward) {
        Set<String> names = new LinkedHashSet<>();
        if (forward != null) {
            Arrays.stream(forward.split(",")).map(String::trim).filter(n -> !n.isEmpty() && !n.equals("acr_values")).forEach(names::add);
        }
        names.add("max_age");
        return names.stream().collect(Collectors.joining(","));
    }

    @Override
    public void close() {
    }
}
