package org.kcassurance.tier;

import java.util.List;

import org.kcassurance.spi.ConfiguredAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public class TierLevelAuthenticatorFactory implements ConfiguredAuthenticatorFactory {

    public static final String ID = "kca-tier-level";
    private static final TierLevelAuthenticator SINGLETON = new TierLevelAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Tier level of authentication (kc-assurance)";
    }

    @Override
    public String getHelpText() {
        return "Raises the level of authentication requested for this sign-in to the tier's level when the user holds the tier role.";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] { Requirement.REQUIRED, Requirement.DISABLED };
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(TierLevelAuthenticator.ROLE).label("Tier role").type(ProviderConfigProperty.ROLE_TYPE)
                .helpText("Realm role whose holders are in the tier (directly, through a group, or a composite).").add()
                .property().name(TierLevelAuthenticator.LEVEL).label("Tier level").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Level of authentication (LoA number) every sign-in of the tier reaches.").add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
