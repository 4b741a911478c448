package org.kcassurance.upstream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The level an upstream identity provider's sign-in counts for, as a pure function (no Keycloak session),
 * so the whole trust rule is unit-tested: a level above 1 needs trust, a plausible and fresh enough
 * auth_time, and an acr or amr value the per-IdP policy lists for that level. Everything else is level 1:
 * the upstream sign-in is always the first factor, never more unless the policy says so.
 */
public final class UpstreamLevel {

    /** Seconds an upstream auth_time may lie in the future (clock skew) and still be believed. */
    public static final long FUTURE_SKEW = 30;

    /** An upstream auth_time this close to now means the upstream authenticated the user again. */
    public static final long REAUTH_WINDOW = 60;

    private UpstreamLevel() {
    }

    public enum Trust {
        ACCEPT, ENFORCE, REJECT;

        /** {@code accept} | {@code enforce} | {@code reject}; anything else (or nothing) is reject. */
        public static Trust of(String value) {
            if (value == null) {
                return REJECT;
            }
            switch (value.trim()) {
                case "accept":
                    return ACCEPT;
                case "enforce":
                    return ENFORCE;
                default:
                    return REJECT;
            }
        }

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One entry of {@code kca.upstream.levels}: the upstream reaches {@code level} with any of these acr or amr values. */
    public record Rule(int level, Set<String> acr, Set<String> amr) {
        public Rule {
            acr = Collections.unmodifiableSet(new LinkedHashSet<>(acr));
            amr = Collections.unmodifiableSet(new LinkedHashSet<>(amr));
        }

        boolean matches(String upstreamAcr, List<String> upstreamAmr) {
            if (upstreamAcr != null && acr.contains(upstreamAcr)) {
                return true;
            }
            if (upstreamAmr != null) {
                for (String value : upstreamAmr) {
                    if (value != null && amr.contains(value)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Parses {@code [{"level":2,"acr":["urn:a:loa:2"],"amr":["otp","mfa"]}, ...]}. Missing or blank: no rules.
     * Strict on purpose (unknown fields, wrong types, levels below 1 are errors): the caller logs the
     * message and counts level 1 only, so a typo never grants a level.
     *
     * @throws IllegalArgumentException when the value is not such an array
     */
    public static List<Rule> parseRules(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JsonSerialization.mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of {level, acr, amr} objects");
        }
        List<Rule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            if (!entry.isObject()) {
                throw new IllegalArgumentException("entry " + index + " is not an object");
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("level") && !name.equals("acr") && !name.equals("amr")) {
                    throw new IllegalArgumentException("entry " + index + " has an unknown field '" + name + "'");
                }
            }
            JsonNode level = entry.get("level");
            if (level == null || !level.isIntegralNumber() || !level.canConvertToInt() || level.intValue() < 1) {
                throw new IllegalArgumentException("entry " + index + " needs an integer level of 1 or more");
            }
            rules.add(new Rule(level.intValue(), strings(entry.get("acr"), index, "acr"), strings(entry.get("amr"), index, "amr")));
            index++;
        }
        return rules;
    }

    private static Set<String> strings(JsonNode node, int index, String field) {
        Set<String> values = new LinkedHashSet<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("entry " + index + ": " + field + " must be an array of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new IllegalArgumentException("entry " + index + ": " + field + " must be an array of strings");
            }
            values.add(value.textValue());
        }
        return values;
    }

    /**
     * The level the upstream sign-in counts for (at least 1).
     *
     * @param trust    per-IdP trust; reject always gives 1
     * @param rules    parsed {@code kca.upstream.levels} (empty when missing or malformed)
     * @param acr      upstream acr (OIDC) or AuthnContextClassRef (SAML), null when absent
     * @param amr      upstream amr values, empty or null when absent
     * @param authTime upstream auth_time (epoch seconds), null when absent
     * @param maxAge   {@code kca.upstream.maxAge}: 0 = no own limit, negative = invalid configuration (gives 1)
     * @param now      current time (epoch seconds)
     */
    public static int compute(Trust trust, List<Rule> rules, String acr, List<String> amr, Long authTime, long maxAge, long now) {
        if (trust == null || trust == Trust.REJECT) {
            return 1;
        }
        if (authTime == null || authTime <= 0 || authTime > now + FUTURE_SKEW) {
            return 1;
        }
        if (maxAge < 0 || (maxAge > 0 && now - authTime > maxAge)) {
            return 1;
        }
        int level = 1;
        if (rules != null) {
            for (Rule rule : rules) {
                if (rule.level() > level && rule.matches(acr, amr)) {
                    level = rule.level();
                }
            }
        }
        return level;
    }

    /**
     * The loa-map Keycloak's AcrStore reads ({@code {"1": now, "2": authTime, ..., "L": authTime}}): level 1 is the
     * brokered sign-in itself (now); levels 2..L carry the upstream auth_time so each level's LoA condition
     * judges its freshness with its own max age.
     */
    public static Map<Integer, Integer> loaMap(int level, Long authTime, int now) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        map.put(1, now);
        if (level > 1 && authTime != null) {
            int stamp = (int) Math.min(authTime, (long) Integer.MAX_VALUE);
            for (int l = 2; l <= level; l++) {
                map.put(l, stamp);
            }
        }
        return map;
    }

    /** Whether the upstream authenticated the user just now (within {@link #REAUTH_WINDOW}, allowing the future skew). */
    public static boolean reauthenticatedRecently(Long authTime, long now) {
        return authTime != null && authTime > 0 && authTime >= now - REAUTH_WINDOW && authTime <= now + FUTURE_SKEW;
    }

    /** Value for Keycloak's AUTH_TIME_BROKER note: the upstream auth_time, never later than now; null when absent. */
    public static Integer brokerAuthTime(Long authTime, int now) {
        if (authTime == null || authTime <= 0) {
            return null;
        }
        return (int) Math.min(authTime, (long) now);
    }
}
