package org.kcassurance.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UserFactsTest {

    /** The credential data Keycloak 26.7 stores for a set of twelve codes, one used. */
    static final String ELEVEN_LEFT = "{\"hashIterations\":null,\"algorithm\":\"RS512\",\"totalCodes\":12,\"remainingCodes\":11}";

    @Test
    void readsTheCodesLeftFromTheCredentialData() {
        assertEquals(11, UserFacts.remainingCodes(ELEVEN_LEFT));
        // The name Keycloak's own reader takes.
        assertEquals(3, UserFacts.remainingCodes("{\"remaining\":3,\"total\":12}"));
        assertEquals(0, UserFacts.remainingCodes("{\"remainingCodes\":0}"));
    }

    @Test
    void saysNothingOfDataItCannotRead() {
        assertNull(UserFacts.remainingCodes(null));
        assertNull(UserFacts.remainingCodes(""));
        assertNull(UserFacts.remainingCodes("{not json"));
        assertNull(UserFacts.remainingCodes("{\"totalCodes\":12}"));
        assertNull(UserFacts.remainingCodes("{\"remainingCodes\":\"many\"}"));
    }

    @Test
    void countsCredentialsByTypeAndAddsTheCodesLeft() {
        Map<String, Object> facts = UserFacts.of("id-1", "rhea", true, List.of("kca-tier-1"), List.of(
                new UserFacts.Credential("password", null),
                new UserFacts.Credential("otp", null),
                new UserFacts.Credential("otp", null),
                new UserFacts.Credential(UserFacts.RECOVERY_CODES, ELEVEN_LEFT)), List.of("CONFIGURE_TOTP"));
        assertEquals(Map.of("password", 1, "otp", 2, UserFacts.RECOVERY_CODES, 1), facts.get("credentials"));
        assertEquals(11, facts.get("recoveryCodesLeft"));
        assertEquals(List.of("kca-tier-1"), facts.get("roles"));
        assertEquals(List.of("CONFIGURE_TOTP"), facts.get("requiredActions"));
        assertEquals(List.of("id", "username", "enabled", "roles", "credentials", "recoveryCodesLeft", "requiredActions"), List.copyOf(facts.keySet()));
    }

    @Test
    void aUserWithoutRecoveryCodesHasNoneLeftToCount() {
        Map<String, Object> facts = UserFacts.of("id-2", "carl", false, List.of(), List.of(new UserFacts.Credential("password", null)), List.of());
        assertNull(facts.get("recoveryCodesLeft"));
        assertEquals(false, facts.get("enabled"));
    }
}
