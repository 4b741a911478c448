package org.kcassurance.spi;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;

/** Our authenticators: configured per execution, never set up by the user, outside Keycloak's reference categories. */
public interface ConfiguredAuthenticatorFactory extends AuthenticatorFactory, StatelessFactory<Authenticator> {

    @Override
    default boolean isConfigurable() {
        return true;
    }

    @Override
    default boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    default String getReferenceCategory() {
        return null;
    }
}
