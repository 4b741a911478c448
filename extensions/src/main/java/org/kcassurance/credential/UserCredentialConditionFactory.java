package org.kcassurance.credential;

import java.util.List;

import org.kcassurance.spi.StatelessFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public class UserCredentialConditionFactory implements ConditionalAuthenticatorFactory, StatelessFactory<Authenticator> {

    public static final String ID = "kca-condition-user-credential";
    private static final UserCredentialCondition SINGLETON = new UserCredentialCondition();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - user has credential (kc-assurance)";
    }

    @Override
    public String getHelpText() {
        return "True when the user has a stored credential of the given type (or, negated, has none).";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] { Requirement.REQUIRED, Requirement.DISABLED };
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(UserCredentialCondition.TYPE).label("Credential type").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Credential type, e.g. otp, webauthn, recovery-authn-codes.").add()
                .property().name(UserCredentialCondition.NEGATE).label("Negate").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("True when the user has no credential of the type.").add()
                .build();
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return SINGLETON;
    }
}
