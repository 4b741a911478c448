package org.kcassurance.amr;

import org.kcassurance.spi.GlobalEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;

public class EnrolledFactorRecorderFactory implements GlobalEventListenerFactory {

    public static final String ID = "kca-enrolled-amr";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EnrolledFactorRecorder(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
