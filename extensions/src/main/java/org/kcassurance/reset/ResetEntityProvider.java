package org.kcassurance.reset;

import java.util.List;

import org.kcassurance.spi.StatelessFactory;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers ResetRequestEntity and its table's changelog with Keycloak's JPA store; factory and provider in one. */
public final class ResetEntityProvider implements JpaEntityProvider, JpaEntityProviderFactory, StatelessFactory<JpaEntityProvider> {

    public static final String ID = "kca-reset";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(ResetRequestEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/kca-reset-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
    }
}
