package org.kcassurance.upstream;

import java.util.List;

import org.kcassurance.spi.ConfiguredAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public class UpstreamAcrRequestAuthenticatorFactory implements ConfiguredAuthenticatorFactory {

    public static final String ID = "kca-upstream-request";
    private static final UpstreamAcrRequestAuthenticator SINGLETON = new UpstreamAcrRequestAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Upstream acr request (kc-assurance)";
    }

    @Override
    public String getHelpText() {
        return "For the browser flow, as an alternative after the cookie step and before the identity provider redirector and the forms: "
                + "sets the acr_values sent to an upstream identity provider to the upstream value configured for the level the client "
                + "requested (or the next higher configured level), or to nothing, so the client's own acr_values are never forwarded. "
                + "Always continues with the next alternative.";
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] { Requirement.ALTERNATIVE, Requirement.DISABLED };
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(UpstreamAcrRequestAuthenticator.REQUEST).label("Upstream acr_values per level")
                .type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("JSON object {\"2\":\"urn:corp:loa:2\",\"3\":\"urn:corp:loa:3 urn:corp:loa:hwk\"}: the acr_values to ask "
                        + "the upstream for at each of our levels. The smallest level at or above the requested one is used; level 1 "
                        + "or no level high enough asks for nothing. Malformed: asks for nothing. The identity provider's "
                        + "\"Forwarded query parameters\" must include acr_values (or be empty).").add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
