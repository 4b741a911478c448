package org.kcassurance.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UnlistedProviderGuardTest {

    @Test
    void aliasFromProviderPathsOnly() {
        assertEquals("corp", UnlistedProviderGuard.aliasOf("identity-provider/instances/corp"));
        assertNull(UnlistedProviderGuard.aliasOf("identity-provider/instances/corp/mappers/123"));
        assertNull(UnlistedProviderGuard.aliasOf("identity-provider/instances/"));
        assertNull(UnlistedProviderGuard.aliasOf("clients/corp"));
        assertNull(UnlistedProviderGuard.aliasOf(null));
    }

    @Test
    void neverForwardsAcrValuesAndAlwaysMaxAge() {
        assertEquals("max_age", UnlistedProviderGuard.withoutAcrValues(null));
        assertEquals("max_age", UnlistedProviderGuard.withoutAcrValues("acr_values"));
        assertEquals("login_hint,ui_locales,max_age", UnlistedProviderGuard.withoutAcrValues("login_hint, acr_values,ui_locales"));
        assertEquals("max_age", UnlistedProviderGuard.withoutAcrValues("max_age,acr_values"));
    }
}
