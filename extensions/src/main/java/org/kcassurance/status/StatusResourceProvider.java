package org.kcassurance.status;

import org.kcassurance.spi.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts StatusResource at /admin/realms/{realm}/kca-status (SPI admin-realm-restapi-extension): an admin
 * API, so Keycloak authenticates the admin and hands over their permissions. Factory and provider in one.
 */
public final class StatusResourceProvider implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider, StatelessFactory<AdminRealmResourceProvider> {

    public static final String ID = "kca-status";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new StatusResource(session, realm, auth);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
    }
}
