package org.kcassurance.amr;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class EnrolledFactorRecorderFactory implements EventListenerProviderFactory {

    public static final String ID = "kca-enrolled-amr";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EnrolledFactorRecorder(session);
    }

    /** Every realm: a note nothing reads unless the realm's amr mapper is ours. */
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
