package org.kcassurance.upstream;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which upstream {@code acr_values} to ask for, as a pure function (no Keycloak session), so the choice is unit-tested:
 * the value configured for the smallest of our levels at or above the requested one. Nothing ("") when the request
 * is for level 1 or less (any upstream sign-in reaches level 1), when no configured level is high enough, or when
 * the configuration is malformed: "" stops Keycloak from forwarding the client's own (local) acr_values upstream.
 */
public final class UpstreamAcrRequest {

    private static final Pattern LEVEL = Pattern.compile("[0-9]{1,9}");

    private UpstreamAcrRequest() {
    }

    /**
     * Parses {@code {"2":"urn:corp:loa:2","3":"urn:corp:loa:3 urn:corp:loa:hwk"}}. Missing or blank: no levels.
     * Strict on purpose (non-numeric or duplicate keys, non-string or blank values are errors): the caller then
     * asks for nothing rather than for something the operator did not mean.
     *
     * @throws IllegalArgumentException when the value is not such an object
     */
    public static SortedMap<Integer, String> parseLevels(String json) {
        SortedMap<Integer, String> levels = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return levels;
        }
        JsonNode root;
        try {
            root = JsonSerialization.mapper.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object mapping levels (\"2\", \"3\", ...) to acr_values strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!LEVEL.matcher(key).matches()) {
                throw new IllegalArgumentException("key '" + key + "' is not a level number");
            }
            JsonNode value = field.getValue();
            if (!value.isTextual() || value.textValue().isBlank()) {
                throw new IllegalArgumentException("level " + key + " needs a non-blank acr_values string");
            }
            // acr_values is a space-separated list: one space between values, none around.
            String acrValues = String.join(" ", value.textValue().trim().split("\\s+"));
            if (levels.put(Integer.parseInt(key), acrValues) != null) {
                throw new IllegalArgumentException("level " + key + " is given twice");
            }
        }
        return Collections.unmodifiableSortedMap(levels);
    }

    /**
     * The upstream acr_values for a requested level: the value of the smallest configured level at or above it
     * (asking for more than needed is fine, the post login flow counts what the upstream did), or "" when the
     * request is for level 1 or less (-1: nothing requested) or no configured level is high enough.
     */
    public static String select(SortedMap<Integer, String> levels, int requested) {
        if (requested <= 1 || levels == null) {
            return "";
        }
        SortedMap<Integer, String> atOrAbove = levels.tailMap(requested);
        return atOrAbove.isEmpty() ? "" : atOrAbove.get(atOrAbove.firstKey());
    }

    /** The whole choice: a malformed configuration is reported to {@code warn} and asks for nothing. */
    public static String acrValues(String json, int requested, Consumer<String> warn) {
        SortedMap<Integer, String> levels;
        try {
            levels = parseLevels(json);
        } catch (IllegalArgumentException e) {
            warn.accept(e.getMessage());
            return "";
        }
        return select(levels, requested);
    }
}
