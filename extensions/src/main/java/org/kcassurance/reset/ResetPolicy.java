package org.kcassurance.reset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reset workflow's rules for one realm, as kc-assurance apply writes them into the realm attribute
 * {@code kcaResetPolicy} (version 1; provisioning/compile/reset.ts). Pure, unit-tested.
 *
 * @param requesters realm roles whose holders may request a reset
 * @param approvers  realm roles whose holders may approve one
 * @param tiers      per tier role: approvals needed and the required actions a reset user is sent through
 * @param none       the same for users in no tier
 * @param level      rank an operator's sign-in must have reached (the realm's acr map gives a token's rank)
 * @param acr        the acr that level's sign-in is asked with (acr_values)
 * @param maxAge     seconds since that sign-in (auth_time) at most
 */
public record ResetPolicy(List<String> requesters, List<String> approvers, List<TierRule> tiers, TierRule none, int level,
        String acr, long maxAge, boolean identityProofing, long expiresAfter, String client) {

    public static final String ATTRIBUTE = "kcaResetPolicy";

    public record TierRule(String role, int approvals, List<String> reenroll) {
    }

    /** The realm's rules, or null when it has none (no reset section, unreadable, another version). */
    public static ResetPolicy parse(String json) {
        if (json == null || json.isBlank()) return null;
        JsonNode n;
        try {
            n = JsonSerialization.readValue(json, JsonNode.class);
        } catch (Exception e) {
            return null;
        }
        if (n == null || n.path("v").asInt() != 1) return null;
        List<TierRule> tiers = new ArrayList<>();
        for (JsonNode t : n.path("tiers")) tiers.add(rule(t));
        ResetPolicy p = new ResetPolicy(strings(n.path("requesters")), strings(n.path("approvers")), tiers, rule(n.path("none")),
                n.path("level").asInt(0), n.path("acr").asText(""), n.path("maxAge").asLong(0), n.path("identityProofing").asBoolean(true),
                n.path("expiresAfter").asLong(0), n.path("client").asText(""));
        // A policy that would let anyone through is no policy: refuse every call instead.
        if (p.requesters.isEmpty() || p.approvers.isEmpty() || p.level < 1 || p.maxAge < 1 || p.expiresAfter < 1 || p.client.isEmpty()
                || p.none.approvals() < 1 || p.tiers.stream().anyMatch(t -> t.approvals() < 1)) {
            return null;
        }
        return p;
    }

    /** Approvals needed for a user holding these tier roles: the most any of their tiers asks. */
    public int approvalsFor(Collection<String> heldTierRoles) {
        return tiersOf(heldTierRoles).stream().mapToInt(TierRule::approvals).max().orElse(none.approvals());
    }

    /** Required actions a reset user of these tiers is sent through (each tier's, in the policy's order). */
    public Set<String> reenrollFor(Collection<String> heldTierRoles) {
        Set<String> out = new LinkedHashSet<>();
        List<TierRule> held = tiersOf(heldTierRoles);
        (held.isEmpty() ? List.of(none) : held).forEach(t -> out.addAll(t.reenroll()));
        return out;
    }

    public List<String> tierRoles() {
        return tiers.stream().map(TierRule::role).toList();
    }

    private List<TierRule> tiersOf(Collection<String> heldTierRoles) {
        return tiers.stream().filter(t -> heldTierRoles.contains(t.role())).toList();
    }

    private static TierRule rule(JsonNode t) {
        return new TierRule(t.path("role").asText(""), t.path("approvals").asInt(0), strings(t.path("reenroll")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) if (v.isTextual() && !v.asText().isEmpty()) out.add(v.asText());
        return List.copyOf(out);
    }
}
