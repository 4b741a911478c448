package org.kcassurance.broker;

import org.kcassurance.spi.GlobalEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;

public class UnlistedProviderGuardFactory implements GlobalEventListenerFactory {

    public static final String ID = "kca-idp-guard";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new UnlistedProviderGuard(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
