package org.kcassurance.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TierRolesTest {

    // kca-tier-0 (id r0) is also in the composite "admins" (id c1); group g0 maps r0, g1 is g0's subgroup.
    final TierRoles tiers = new TierRoles(List.of("kca-tier-0", "kca-tier-1"),
            Map.of("kca-tier-0", Set.of("r0", "c1"), "kca-tier-1", Set.of("r1")),
            Map.of("kca-tier-0", Set.of("g0", "g1"), "kca-tier-1", Set.of()));

    @Test
    void aRoleIsHeldDirectlyThroughACompositeOrThroughAGroup() {
        assertEquals(List.of("kca-tier-0"), tiers.held(List.of("r0"), List.of()));
        assertEquals(List.of("kca-tier-0"), tiers.held(List.of("c1"), List.of()));
        assertEquals(List.of("kca-tier-0"), tiers.held(List.of(), List.of("g1")));
    }

    @Test
    void namesEveryTierHeldInTheOrderAsked() {
        assertEquals(List.of("kca-tier-0", "kca-tier-1"), tiers.held(List.of("r1", "default-roles"), List.of("g0")));
    }

    @Test
    void otherRolesAndGroupsGiveNoTier() {
        assertEquals(List.of(), tiers.held(List.of("default-roles"), List.of("g-other")));
        assertEquals(List.of(), new TierRoles(List.of("gone"), Map.of(), Map.of()).held(List.of("r0"), List.of("g0")));
    }
}
