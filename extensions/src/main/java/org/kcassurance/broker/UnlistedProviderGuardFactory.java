package org.kcassurance.broker;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class UnlistedProviderGuardFactory implements EventListenerProviderFactory {

    public static final String ID = "kca-idp-guard";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new UnlistedProviderGuard(session);
    }

    /** Every realm: it acts only where apply named the post-login flow of unlisted providers. */
    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
