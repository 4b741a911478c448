package org.kcassurance.reset;

import org.kcassurance.spi.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts ResetResource at /realms/{realm}/kca-mfa-reset; factory and provider in one. */
public final class ResetResourceProvider implements RealmResourceProviderFactory, RealmResourceProvider, StatelessFactory<RealmResourceProvider> {

    public static final String ID = "kca-mfa-reset";

    private final KeycloakSession session;

    public ResetResourceProvider() {
        this(null);
    }

    private ResetResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ResetResourceProvider(session);
    }

    @Override
    public Object getResource() {
        return new ResetResource(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
    }
}
