package org.kcassurance.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserTiersTest {

    static final String FACTS = "{\"v\":1,\"asked\":{},\"tiers\":[{\"role\":\"kca-tier-0\",\"asked\":{}},"
            + "{\"role\":\"kca-tier-3\",\"asked\":{}},{\"role\":\"platform-admins\",\"asked\":{}}],\"noTier\":{}}";

    @Test
    void namesTheTierRolesTheUserHoldsInTheFactsOrder() {
        Set<String> roles = Set.of("platform-admins", "kca-tier-0", "offline_access");
        assertEquals(List.of("kca-tier-0", "platform-admins"), UserTiers.held(FACTS, roles::contains));
    }

    @Test
    void aUserInNoTierHoldsNone() {
        assertEquals(List.of(), UserTiers.held(FACTS, r -> false));
    }

    @Test
    void saysNothingWithoutFactsItCanRead() {
        assertNull(UserTiers.held(null, r -> true));
        assertNull(UserTiers.held("", r -> true));
        assertNull(UserTiers.held("{not json", r -> true));
        assertNull(UserTiers.held("{\"v\":2,\"tiers\":[]}", r -> true));
        // Facts written before tiers were part of them.
        assertNull(UserTiers.held("{\"v\":1,\"asked\":{}}", r -> true));
    }
}
