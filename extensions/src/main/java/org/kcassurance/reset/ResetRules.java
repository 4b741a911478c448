package org.kcassurance.reset;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who may take part in a reset, and when: every call's caller (client, role, level, freshness), and
 * the state of a request an approval or cancellation meets. Each check answers null (allowed) or a
 * sentence for the caller. Pure, unit-tested; ResetResource gathers the facts from Keycloak.
 */
public final class ResetRules {

    public enum Act {
        REQUEST("request"), APPROVE("approve"), CANCEL("cancel"), READ("see");

        final String verb;

        Act(String verb) {
            this.verb = verb;
        }
    }

    /**
     * What the caller's token and account show.
     *
     * @param roles    the policy's requester and approver roles the caller holds (read from the account, not the token)
     * @param rank     the level the token's acr stands for (0 when none)
     * @param authTime the token's auth_time (seconds), null when absent
     * @param azp      the client the token was issued to
     */
    public record Caller(String userId, Set<String> roles, int rank, Long authTime, String azp) {
    }

    /** A request as an approval or cancellation finds it. */
    public record State(String userId, String requesterId, Status status, long expiresAt, List<String> approvedBy) {
    }

    public enum Status { OPEN, EXECUTED, CANCELLED }

    private ResetRules() {
    }

    /** Roles that may do this: requesters request, approvers approve, either may cancel or see. */
    public static List<String> rolesFor(ResetPolicy p, Act act) {
        return switch (act) {
            case REQUEST -> p.requesters();
            case APPROVE -> p.approvers();
            case CANCEL, READ -> {
                Set<String> both = new LinkedHashSet<>(p.requesters());
                both.addAll(p.approvers());
                yield List.copyOf(both);
            }
        };
    }

    public static String refuseCaller(ResetPolicy p, Caller c, Act act, long now) {
        if (!p.client().equals(c.azp())) {
            return "the token was issued to \"" + c.azp() + "\"; reset calls take tokens of \"" + p.client() + "\" (kc-assurance reset signs you in with it)";
        }
        List<String> roles = rolesFor(p, act);
        if (roles.stream().noneMatch(c.roles()::contains)) {
            return "you hold none of the roles that may " + act.verb + " MFA resets (" + String.join(", ", roles) + ")";
        }
        // Reading the list is not a step-up-worthy act; changing anything is.
        if (act == Act.READ) return null;
        if (c.rank() < p.level()) {
            return "to " + act.verb + " a reset your sign-in must reach level " + p.level() + "; this one reached " + c.rank();
        }
        if (c.authTime() == null || now - c.authTime() > p.maxAge()) {
            return "to " + act.verb + " a reset your sign-in must be at most " + p.maxAge() + " s old; sign in again";
        }
        return null;
    }

    /** A new request: never of one's own account, with a reason and ticket, and proofing where the policy asks it. */
    public static String refuseRequest(ResetPolicy p, String callerId, String targetId, String reason, String ticket, String proofing) {
        if (callerId.equals(targetId)) return "you cannot request a reset of your own account";
        if (blank(reason)) return "a reason is required";
        if (blank(ticket)) return "a ticket reference is required";
        if (p.identityProofing() && blank(proofing)) return "the policy requires identity proofing: name its evidence (a reference, never the document)";
        return null;
    }

    public static String refuseApproval(State s, String approverId, long now) {
        String closed = refuseClosed(s, now);
        if (closed != null) return closed;
        if (approverId.equals(s.requesterId())) return "you requested this reset; someone else must approve it";
        if (approverId.equals(s.userId())) return "this reset is of your own account";
        if (s.approvedBy().contains(approverId)) return "you already approved this request";
        return null;
    }

    public static String refuseCancel(State s, long now) {
        return refuseClosed(s, now);
    }

    /** Approvals are complete: the reset is carried out with this approval. */
    public static boolean complete(State s, int needed) {
        return s.approvedBy().size() >= needed;
    }

    public static boolean expired(State s, long now) {
        return s.status() == Status.OPEN && now >= s.expiresAt();
    }

    /**
     * The level a token's acr stands for: the realm's acr-to-level map (attribute acr.loa.map, written
     * by kc-assurance apply), else a number acr (Keycloak's own default), else 0.
     */
    public static int rankOf(String loaMapJson, String acr) {
        if (acr == null || acr.isEmpty()) return 0;
        if (loaMapJson != null && !loaMapJson.isBlank()) {
            try {
                JsonNode map = JsonSerialization.readValue(loaMapJson, JsonNode.class);
                if (map != null && map.has(acr)) return map.get(acr).asInt(0);
            } catch (Exception e) {
                return 0;
            }
        }
        try {
            return Integer.parseInt(acr);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String refuseClosed(State s, long now) {
        if (s.status() != Status.OPEN) return "the request is already " + s.status().name().toLowerCase();
        if (expired(s, now)) return "the request expired; request a new one";
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
