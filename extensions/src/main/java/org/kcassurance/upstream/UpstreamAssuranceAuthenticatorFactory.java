package org.kcassurance.upstream;

import java.util.List;

import org.kcassurance.spi.ConfiguredAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public class UpstreamAssuranceAuthenticatorFactory implements ConfiguredAuthenticatorFactory {

    public static final String ID = "kca-upstream-assurance";
    private static final UpstreamAssuranceAuthenticator SINGLETON = new UpstreamAssuranceAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Upstream identity provider assurance (kc-assurance)";
    }

    @Override
    public String getHelpText() {
        return "For an identity provider's post login flow: counts the upstream sign-in as level 1, or as a higher level when "
                + "this identity provider's MFA is trusted (acr/amr and a fresh auth_time), and records it for the "
                + "level-of-authentication conditions that follow.";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] { Requirement.REQUIRED, Requirement.DISABLED };
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(UpstreamAssuranceAuthenticator.TRUST).label("Trust upstream MFA")
                .type(ProviderConfigProperty.LIST_TYPE).options("accept", "enforce", "reject").defaultValue("reject")
                .helpText("accept: count the upstream's levels, ask local factors for the rest; enforce: count them, refuse the rest "
                        + "(the flow decides); reject: the upstream sign-in counts as level 1 only. Anything else is reject.").add()
                .property().name(UpstreamAssuranceAuthenticator.LEVELS).label("Upstream levels")
                .type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("JSON array [{\"level\":2,\"acr\":[\"urn:a:loa:2\"],\"amr\":[\"otp\",\"mfa\"]}]: the upstream reaches a level "
                        + "when its acr is one of the level's acr values or its amr contains one of the level's amr values. "
                        + "Malformed: level 1 only.").add()
                .property().name(UpstreamAssuranceAuthenticator.MAX_AGE).label("Upstream max age")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Seconds: the oldest upstream auth_time accepted for any level above 1. 0 or empty: no own limit "
                        + "(each level's condition still applies its max age).").add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
