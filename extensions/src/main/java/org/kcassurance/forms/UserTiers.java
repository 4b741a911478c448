package org.kcassurance.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tiers a user is in, as the theme needs them to say what this user will be asked: the tier roles
 * the realm's policy facts name (realm attribute kcaThemePolicy, written by kc-assurance apply; its
 * shape is in provisioning/compile/theme-facts.ts) that the user holds. Pure, unit-tested.
 */
public final class UserTiers {

    public static final String FACTS_ATTRIBUTE = "kcaThemePolicy";

    private UserTiers() {
    }

    /** Tier roles held, in the facts' order; null when the facts are absent, unreadable or of another version. */
    public static List<String> held(String facts, Predicate<String> hasRole) {
        if (facts == null || facts.isBlank()) return null;
        JsonNode root;
        try {
            root = JsonSerialization.readValue(facts, JsonNode.class);
        } catch (Exception e) {
            return null;
        }
        if (root == null || root.path("v").asInt() != 1 || !root.path("tiers").isArray()) return null;
        List<String> held = new ArrayList<>();
        for (JsonNode tier : root.path("tiers")) {
            String role = tier.path("role").asText("");
            if (!role.isEmpty() && hasRole.test(role)) held.add(role);
        }
        return held;
    }
}
