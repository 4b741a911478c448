package org.kcassurance.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What kc-assurance status needs to know of one user, and nothing secret: the tier roles held (of those
 * asked), how many credentials of each type, recovery codes left, pending required actions. Built from
 * plain values so it is unit-tested without a server; StatusResource reads them from Keycloak.
 */
public final class UserFacts {

    /** Keycloak's credential type of a set of recovery codes (RecoveryAuthnCodesCredentialModel.TYPE). */
    public static final String RECOVERY_CODES = "recovery-authn-codes";

    private UserFacts() {
    }

    /** A stored credential as far as status needs it: its type and, for recovery codes, its public data. */
    public record Credential(String type, String credentialData) {
    }

    public static Map<String, Object> of(String id, String username, boolean enabled, List<String> roles, List<Credential> credentials,
            List<String> requiredActions) {
        Map<String, Integer> counts = new TreeMap<>();
        Integer codesLeft = null;
        for (Credential c : credentials) {
            counts.merge(c.type(), 1, Integer::sum);
            if (RECOVERY_CODES.equals(c.type())) {
                Integer left = remainingCodes(c.credentialData());
                // Keycloak keeps one set; were there several, the user could use the codes of any.
                if (left != null) codesLeft = codesLeft == null ? left : codesLeft + left;
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", id);
        facts.put("username", username);
        facts.put("enabled", enabled);
        facts.put("roles", roles);
        facts.put("credentials", counts);
        facts.put("recoveryCodesLeft", codesLeft);
        facts.put("requiredActions", requiredActions);
        return facts;
    }

    /**
     * Codes left in a recovery-codes credential, from its credential data (public; the hashed codes are
     * in the secret data, never read here). Keycloak writes "remainingCodes" and reads "remaining", so
     * both are accepted; null when neither is there.
     */
    public static Integer remainingCodes(String credentialData) {
        if (credentialData == null || credentialData.isBlank()) return null;
        JsonNode root;
        try {
            root = JsonSerialization.readValue(credentialData, JsonNode.class);
        } catch (Exception e) {
            return null;
        }
        if (root == null) return null;
        for (String field : List.of("remainingCodes", "remaining")) {
            JsonNode n = root.path(field);
            if (n.isInt()) return n.asInt();
        }
        return null;
    }
}
