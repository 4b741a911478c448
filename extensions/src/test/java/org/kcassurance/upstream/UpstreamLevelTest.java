package org.kcassurance.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kcassurance.upstream.UpstreamLevel.Rule;
import org.kcassurance.upstream.UpstreamLevel.Trust;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.type.TypeReference;

class UpstreamLevelTest {

    static final long NOW = 1_800_000_000L;
    static final String POLICY = "[{\"level\":2,\"acr\":[\"urn:a:loa:2\"],\"amr\":[\"otp\",\"mfa\"]},"
            + "{\"level\":3,\"acr\":[\"urn:a:loa:3\"],\"amr\":[\"hwk\"]}]";
    static final List<Rule> RULES = UpstreamLevel.parseRules(POLICY);

    static int level(Trust trust, String acr, List<String> amr, Long authTime, long maxAge) {
        return UpstreamLevel.compute(trust, RULES, acr, amr, authTime, maxAge, NOW);
    }

    @Test
    void acceptWithOtpIsLevel2() {
        assertEquals(2, level(Trust.ACCEPT, null, List.of("pwd", "otp"), NOW - 10, 0));
    }

    @Test
    void enforceCountsLikeAccept() {
        assertEquals(2, level(Trust.ENFORCE, null, List.of("pwd", "otp"), NOW - 10, 0));
    }

    @Test
    void unknownOrForgedValuesAreLevel1() {
        assertEquals(1, level(Trust.ACCEPT, "urn:a:loa:9", List.of("pwd"), NOW - 10, 0));
        assertEquals(1, level(Trust.ACCEPT, "URN:A:LOA:2", List.of("OTP"), NOW - 10, 0)); // exact match only
        assertEquals(1, level(Trust.ACCEPT, null, List.of(), NOW - 10, 0));
        assertEquals(1, level(Trust.ACCEPT, null, null, NOW - 10, 0));
    }

    @Test
    void rejectIsAlwaysLevel1() {
        assertEquals(1, level(Trust.REJECT, "urn:a:loa:3", List.of("hwk", "otp"), NOW - 10, 0));
        assertEquals(1, UpstreamLevel.compute(null, RULES, "urn:a:loa:3", List.of("hwk"), NOW - 10, 0, NOW));
    }

    @Test
    void trustValues() {
        assertEquals(Trust.ACCEPT, Trust.of("accept"));
        assertEquals(Trust.ENFORCE, Trust.of(" enforce "));
        assertEquals(Trust.REJECT, Trust.of("reject"));
        assertEquals(Trust.REJECT, Trust.of("Accept"));
        assertEquals(Trust.REJECT, Trust.of("yes"));
        assertEquals(Trust.REJECT, Trust.of(""));
        assertEquals(Trust.REJECT, Trust.of(null));
        assertEquals("enforce", Trust.ENFORCE.value());
    }

    @Test
    void missingAuthTimeIsLevel1() {
        assertEquals(1, level(Trust.ACCEPT, "urn:a:loa:3", List.of("hwk"), null, 0));
        assertEquals(1, level(Trust.ACCEPT, "urn:a:loa:3", List.of("hwk"), 0L, 0));
    }

    @Test
    void tooOldForMaxAgeIsLevel1() {
        assertEquals(1, level(Trust.ACCEPT, null, List.of("otp"), NOW - 301, 300));
        assertEquals(2, level(Trust.ACCEPT, null, List.of("otp"), NOW - 300, 300));
        // 0: no own limit (the LoA conditions judge freshness)
        assertEquals(2, level(Trust.ACCEPT, null, List.of("otp"), NOW - 86_400, 0));
        // invalid maxAge configuration
        assertEquals(1, level(Trust.ACCEPT, null, List.of("otp"), NOW - 10, -1));
    }

    @Test
    void futureAuthTimeIsLevel1() {
        assertEquals(1, level(Trust.ACCEPT, null, List.of("otp"), NOW + 31, 0));
        assertEquals(2, level(Trust.ACCEPT, null, List.of("otp"), NOW + 30, 0)); // clock skew
    }

    @Test
    void acrMatchAndAmrMatch() {
        assertEquals(2, level(Trust.ACCEPT, "urn:a:loa:2", List.of(), NOW - 10, 0));
        assertEquals(3, level(Trust.ACCEPT, "urn:a:loa:1", List.of("pwd", "hwk"), NOW - 10, 0));
        assertEquals(3, level(Trust.ACCEPT, "urn:a:loa:3", List.of("pwd"), NOW - 10, 0));
    }

    @Test
    void highestOfSeveralWhateverTheOrder() {
        assertEquals(3, level(Trust.ACCEPT, "urn:a:loa:2", List.of("hwk"), NOW - 10, 0));
        List<Rule> reversed = UpstreamLevel.parseRules(
                "[{\"level\":3,\"amr\":[\"hwk\"]},{\"level\":2,\"amr\":[\"otp\"]},{\"level\":4,\"acr\":[\"x\"]}]");
        assertEquals(3, UpstreamLevel.compute(Trust.ACCEPT, reversed, null, List.of("otp", "hwk"), NOW, 0, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{", "not json", "{\"level\":2}", "[1]", "[{\"level\":\"2\"}]", "[{\"level\":2.5}]", "[{\"level\":0}]",
            "[{\"amr\":[\"otp\"]}]", "[{\"level\":2,\"amr\":\"otp\"}]", "[{\"level\":2,\"acr\":[2]}]",
            "[{\"level\":2,\"amrs\":[\"otp\"]}]", "[{\"level\":2}] trailing", "[{\"level\":99999999999}]" })
    void malformedJsonIsRejectedAndCountsLevel1(String json) {
        assertThrows(IllegalArgumentException.class, () -> UpstreamLevel.parseRules(json));
        assertEquals(1, UpstreamLevel.compute(Trust.ACCEPT, List.of(), "urn:a:loa:2", List.of("otp"), NOW, 0, NOW));
    }

    @Test
    void missingLevelsMeansNoRules() {
        assertEquals(List.of(), UpstreamLevel.parseRules(null));
        assertEquals(List.of(), UpstreamLevel.parseRules("  "));
        assertEquals(List.of(), UpstreamLevel.parseRules("[]"));
        assertEquals(1, UpstreamLevel.compute(Trust.ACCEPT, null, "urn:a:loa:2", List.of("otp"), NOW, 0, NOW));
    }

    @Test
    void loaMapStampsLevel1NowAndHigherLevelsWithAuthTime() throws Exception {
        int now = (int) NOW;
        Map<Integer, Integer> map = UpstreamLevel.loaMap(3, NOW - 100, now);
        assertEquals(Map.of(1, now, 2, now - 100, 3, now - 100), map);
        assertEquals(Map.of(1, now), UpstreamLevel.loaMap(1, NOW - 100, now));
        assertEquals(Map.of(1, now), UpstreamLevel.loaMap(2, null, now));
        // the JSON Keycloak's AcrStore reads back as Map<Integer, Integer>
        String json = JsonSerialization.writeValueAsString(map);
        assertEquals("{\"1\":" + now + ",\"2\":" + (now - 100) + ",\"3\":" + (now - 100) + "}", json);
        assertEquals(map, JsonSerialization.readValue(json, new TypeReference<Map<Integer, Integer>>() {}));
    }

    @Test
    void reauthenticationWindow() {
        assertTrue(UpstreamLevel.reauthenticatedRecently(NOW - 60, NOW));
        assertTrue(UpstreamLevel.reauthenticatedRecently(NOW + 30, NOW));
        assertFalse(UpstreamLevel.reauthenticatedRecently(NOW - 61, NOW));
        assertFalse(UpstreamLevel.reauthenticatedRecently(NOW + 31, NOW));
        assertFalse(UpstreamLevel.reauthenticatedRecently(null, NOW));
    }

    @Test
    void brokerAuthTimeIsNeverLaterThanNow() {
        int now = (int) NOW;
        assertEquals(now - 5, UpstreamLevel.brokerAuthTime(NOW - 5, now));
        assertEquals(now, UpstreamLevel.brokerAuthTime(NOW + 20, now));
        assertNull(UpstreamLevel.brokerAuthTime(null, now));
        assertNull(UpstreamLevel.brokerAuthTime(0L, now));
    }
}
