package org.kcassurance.amr;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.mappers.AmrProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Keycloak's oidc-amr-mapper lists only local executions' "Authenticator Reference" values, so a session that
 * began at an upstream identity provider shows none of the upstream's factors. This mapper keeps Keycloak's local
 * values (same computation, same max-age rule) and adds the upstream amr that kca-upstream-assurance recorded
 * (user-session note kca.upstream.amr, present only when that IdP's MFA is trusted), then "mfa" when two or more
 * kinds of factor are covered, counting factors set up during the sign-in (EnrolledFactorRecorder). Unlike the parent it can also go to userinfo and introspection.
 */
public class UpstreamAwareAmrMapper extends AmrProtocolMapper implements UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "kca-amr-mapper";
    static final String UPSTREAM_AMR_NOTE = "kca.upstream.amr";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Authentication Method Reference (amr), upstream-aware (kc-assurance)";
    }

    @Override
    public String getHelpText() {
        return "Adds amr: the local Authenticator Reference values (as oidc-amr-mapper), the upstream identity provider's "
                + "trusted amr values, and \"mfa\" when they cover two or more kinds of factor.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, UpstreamAwareAmrMapper.class);
        return properties;
    }

    @Override
    protected List<String> getAmr(AuthenticatedClientSessionModel clientSession, RealmModel realmModel) {
        List<String> local = new ArrayList<>(super.getAmr(clientSession, realmModel));
        if (clientSession.getUserSession() == null) return AmrMerge.merge(local, List.of());
        // Factors set up during the sign-in (EnrolledFactorRecorder) were used as much as those asked for.
        local.addAll(AmrMerge.parseNote(clientSession.getUserSession().getNote(EnrolledFactorRecorder.NOTE)));
        return AmrMerge.merge(local, AmrMerge.parseNote(clientSession.getUserSession().getNote(UPSTREAM_AMR_NOTE)));
    }
}
