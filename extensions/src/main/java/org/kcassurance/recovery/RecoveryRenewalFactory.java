package org.kcassurance.recovery;

import org.kcassurance.spi.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Registered in a realm by kc-assurance apply (policies with recovery codes). */
public class RecoveryRenewalFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    public static final String ID = "kca-recovery-renewal";
    private static final RecoveryRenewal INSTANCE = new RecoveryRenewal();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "New factor and recovery codes after a recovery code (kc-assurance)";
    }
}
