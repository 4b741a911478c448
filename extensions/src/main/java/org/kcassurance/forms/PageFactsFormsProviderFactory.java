package org.kcassurance.forms;

import org.kcassurance.spi.StatelessFactory;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.LoginFormsProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Registers PageFactsFormsProvider. With no {@code spi-login-provider} option set, Keycloak makes the
 * factory with the highest positive order the default (DefaultKeycloakSessionFactory#resolveDefaultProvider),
 * so installing the jar is enough; Keycloak's own "freemarker" has order 0.
 */
public final class PageFactsFormsProviderFactory implements LoginFormsProviderFactory, StatelessFactory<LoginFormsProvider> {

    public static final String ID = "kca-login-forms";

    @Override
    public LoginFormsProvider create(KeycloakSession session) {
        return new PageFactsFormsProvider(session);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String getId() {
        return ID;
    }
}
