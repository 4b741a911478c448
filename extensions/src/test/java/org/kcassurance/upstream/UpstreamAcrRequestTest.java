package org.kcassurance.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamAcrRequestTest {

    static final String CONFIG = "{\"2\":\"urn:corp:loa:2\",\"3\":\"urn:corp:loa:3 urn:corp:loa:hwk\"}";

    static String choose(String json, int requested) {
        List<String> warnings = new ArrayList<>();
        String value = UpstreamAcrRequest.acrValues(json, requested, warnings::add);
        assertTrue(warnings.isEmpty(), "unexpected warning " + warnings);
        return value;
    }

    @Test
    void exactLevel() {
        assertEquals("urn:corp:loa:2", choose(CONFIG, 2));
        assertEquals("urn:corp:loa:3 urn:corp:loa:hwk", choose(CONFIG, 3));
    }

    @Test
    void nextHigherConfiguredLevel() {
        assertEquals("urn:corp:loa:3", choose("{\"3\":\"urn:corp:loa:3\"}", 2));
        assertEquals("urn:corp:loa:4", choose("{\"2\":\"urn:corp:loa:2\",\"4\":\"urn:corp:loa:4\"}", 3));
        // numeric order, not key order or string order ("10" < "9")
        assertEquals("nine", choose("{\"10\":\"ten\",\"9\":\"nine\"}", 3));
        assertEquals("ten", choose("{\"10\":\"ten\",\"9\":\"nine\"}", 10));
    }

    @Test
    void noConfiguredLevelHighEnoughAsksNothing() {
        assertEquals("", choose(CONFIG, 4));
        assertEquals("", choose(CONFIG, Integer.MAX_VALUE));
    }

    @Test
    void levelOneOrLessAsksNothing() {
        String config = "{\"0\":\"zero\",\"1\":\"urn:corp:loa:1\",\"2\":\"urn:corp:loa:2\"}";
        assertEquals("", choose(config, 1));
        assertEquals("", choose(config, 0));
        assertEquals("", choose(CONFIG, 1));
    }

    @Test
    void nothingRequestedAsksNothing() {
        assertEquals("", choose(CONFIG, -1)); // AcrStore's NO_LOA
        assertEquals("", choose(CONFIG, Integer.MIN_VALUE));
    }

    @Test
    void configuredLevelOneIsNeverUsedForHigherRequests() {
        assertEquals("", choose("{\"1\":\"urn:corp:loa:1\"}", 2));
    }

    @Test
    void emptyObjectAsksNothing() {
        assertEquals("", choose("{}", 2));
        assertEquals("", choose(" { } ", 3));
    }

    @Test
    void missingConfigAsksNothingWithoutWarning() {
        assertEquals("", choose(null, 2));
        assertEquals("", choose("", 2));
        assertEquals("", choose("  \n", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"2\":\"urn:corp:loa:2\"", // unterminated
            "{\"2\":\"a\"} {\"3\":\"b\"}", // trailing tokens
            "[\"urn:corp:loa:2\"]",
            "\"urn:corp:loa:2\"",
            "2",
            "null",
            "{\"two\":\"urn:corp:loa:2\"}",
            "{\"2.0\":\"urn:corp:loa:2\"}",
            "{\"-2\":\"urn:corp:loa:2\"}",
            "{\" 2\":\"urn:corp:loa:2\"}",
            "{\"\":\"urn:corp:loa:2\"}",
            "{\"2\":2}",
            "{\"2\":[\"urn:corp:loa:2\"]}",
            "{\"2\":null}",
            "{\"2\":\"\"}",
            "{\"2\":\"   \"}",
            "{\"2\":\"a\",\"2\":\"b\"}", // duplicate key
            "{\"2\":\"a\",\"02\":\"b\"}" // the same level twice
    })
    void malformedWarnsAndAsksNothing(String json) {
        assertThrows(IllegalArgumentException.class, () -> UpstreamAcrRequest.parseLevels(json));
        List<String> warnings = new ArrayList<>();
        // even for a level the rest of the object would have answered
        assertEquals("", UpstreamAcrRequest.acrValues(json, 2, warnings::add));
        assertEquals(1, warnings.size());
    }

    @Test
    void malformedWarnsEvenWhenNothingIsRequested() {
        List<String> warnings = new ArrayList<>();
        assertEquals("", UpstreamAcrRequest.acrValues("{\"2\":", -1, warnings::add));
        assertEquals(1, warnings.size());
    }

    @Test
    void valuesAreTrimmedToSingleSpaces() {
        assertEquals("urn:a urn:b", choose("{\"2\":\"  urn:a \\t\\n urn:b  \"}", 2));
    }

    @Test
    void parsedLevels() {
        assertEquals(Map.of(2, "urn:corp:loa:2", 3, "urn:corp:loa:3 urn:corp:loa:hwk"), UpstreamAcrRequest.parseLevels(CONFIG));
        assertEquals(Map.of(), UpstreamAcrRequest.parseLevels(null));
    }

    @Test
    void selectWithoutLevels() {
        assertEquals("", UpstreamAcrRequest.select(null, 2));
        assertEquals("", UpstreamAcrRequest.select(new java.util.TreeMap<>(), 2));
    }
}
