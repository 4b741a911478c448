package org.kcassurance.reset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kcassurance.reset.ResetRules.Act;
import org.kcassurance.reset.ResetRules.Caller;
import org.kcassurance.reset.ResetRules.State;
import org.kcassurance.reset.ResetRules.Status;
import org.kcassurance.spi.Roles;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The reset workflow's API, under /realms/{realm}/kca-mfa-reset. Every call carries an access token of
 * the policy's client (kc-assurance reset signs operators in); ResetRules decides, this class gathers
 * the facts from Keycloak, keeps the requests (ResetRequestEntity) and tells the story (ResetEvents).
 * Refusals are answered, not thrown, so the refusal's event is committed with the transaction.
 *
 * <pre>
 * GET  sign-in                  no token: the client, acr and max_age an operator signs in with
 * GET  requests                 the realm's requests, newest first (requesters and approvers)
 * GET  requests/{id}
 * POST requests                 {"username"|"userId", "factors"?, "reason", "ticket", "proofing"?}
 * POST requests/{id}/approve    carried out at once when this approval completes it
 * POST requests/{id}/cancel
 * </pre>
 */
public class ResetResource {

    static final Set<String> FACTORS = ResetExecution.CREDENTIAL_TYPE.keySet();
    private static final String NOT_ENABLED = "this realm's policy has no reset section (kc-assurance apply writes it)";

    private final KeycloakSession session;
    private final RealmModel realm;

    ResetResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** A caller whose token passed, with what the events need. */
    private record Authorized(UserModel user, ResetEvents events) {
    }

    /** Either the caller, or the response refusing them. */
    private record Gate(Authorized caller, Response refusal) {
    }

    /** What kc-assurance reset needs to sign an operator in; nothing here is secret. */
    @GET
    @Path("sign-in")
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn() {
        ResetPolicy policy = ResetPolicy.parse(realm.getAttribute(ResetPolicy.ATTRIBUTE));
        if (policy == null) return error(404, "not_enabled", NOT_ENABLED);
        return Response.ok(Map.of("client", policy.client(), "acr", policy.acr(), "maxAge", policy.maxAge())).build();
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        ResetPolicy policy = ResetPolicy.parse(realm.getAttribute(ResetPolicy.ATTRIBUTE));
        Gate gate = authorize(policy, Act.READ, null);
        if (gate.refusal() != null) return gate.refusal();
        List<Map<String, Object>> out = new ArrayList<>();
        em().createNamedQuery("kcaResetByRealm", ResetRequestEntity.class).setParameter("realmId", realm.getId()).setMaxResults(500)
                .getResultStream().forEach(r -> out.add(view(policy, r)));
        return Response.ok(Map.of("requests", out)).build();
    }

    @GET
    @Path("requests/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        ResetPolicy policy = ResetPolicy.parse(realm.getAttribute(ResetPolicy.ATTRIBUTE));
        Gate gate = authorize(policy, Act.READ, null);
        if (gate.refusal() != null) return gate.refusal();
        ResetRequestEntity r = find(id);
        return r == null ? error(404, "not_found", "no reset request " + id + " in this realm") : Response.ok(view(policy, r)).build();
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        ResetPolicy policy = ResetPolicy.parse(realm.getAttribute(ResetPolicy.ATTRIBUTE));
        Gate gate = authorize(policy, Act.REQUEST, null);
        if (gate.refusal() != null) return gate.refusal();
        JsonNode in;
        try {
            in = JsonSerialization.readValue(body == null ? "" : body, JsonNode.class);
        } catch (Exception e) {
            return error(400, "invalid_request", "the body must be a JSON object");
        }
        if (in == null || !in.isObject()) return error(400, "invalid_request", "the body must be a JSON object");
        UserModel target = in.hasNonNull("userId") ? session.users().getUserById(realm, in.get("userId").asText())
                : in.hasNonNull("username") ? session.users().getUserByUsername(realm, in.get("username").asText()) : null;
        if (target == null) return error(404, "not_found", "no such user in this realm (give \"username\" or \"userId\")");
        String reason = text(in, "reason", 1000), ticket = text(in, "ticket", 255), proofing = text(in, "proofing", 255);
        String refusal = ResetRules.refuseRequest(policy, gate.caller().user().getId(), target.getId(), reason, ticket, proofing);
        if (refusal != null) return refuse(gate.caller(), Act.REQUEST, target.getId(), null, 400, "invalid_request", refusal);

        Set<String> held = heldFactors(target);
        List<String> factors = new ArrayList<>();
        if (in.has("factors")) {
            for (JsonNode f : in.get("factors")) {
                if (!FACTORS.contains(f.asText())) return error(400, "invalid_request", "unknown factor \"" + f.asText() + "\" (expected " + String.join(", ", FACTORS) + ")");
                if (!factors.contains(f.asText())) factors.add(f.asText());
            }
        } else {
            factors.addAll(held);
        }
        factors.removeIf(f -> !held.contains(f));
        if (factors.isEmpty()) return refuse(gate.caller(), Act.REQUEST, target.getId(), null, 409, "nothing_to_reset", "the user has none of these factors set up");

        long now = Time.currentTime();
        ResetRequestEntity r = new ResetRequestEntity();
        r.setId(UUID.randomUUID().toString());
        r.setRealmId(realm.getId());
        r.setUserId(target.getId());
        r.setRequesterId(gate.caller().user().getId());
        r.setReason(reason);
        r.setTicket(ticket);
        r.setProofing(proofing);
        r.setFactors(String.join(",", factors));
        r.setCreatedAt(now);
        r.setExpiresAt(now + policy.expiresAfter());
        r.setStatus(Status.OPEN.name());
        em().persist(r);
        Map<String, String> details = story(r);
        details.put("needed", String.valueOf(policy.approvalsFor(tierRoles(policy, target))));
        gate.caller().events().record(OperationType.CREATE, "requested", target.getId(), r.getId(), details);
        return Response.status(201).entity(view(policy, r)).build();
    }

    @POST
    @Path("requests/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") String id) {
        ResetPolicy policy = ResetPolicy.parse(realm.getAttribute(ResetPolicy.ATTRIBUTE));
        ResetRequestEntity r = policy == null ? null : find(id);
        Gate gate = authorize(policy, Act.APPROVE, r);
        if (gate.refusal() != null) return gate.refusal();
        if (r == null) return error(404, "not_found", "no reset request " + id + " in this realm");
        long now = Time.currentTime();
        String approver = gate.caller().user().getId();
        String refusal = ResetRules.refuseApproval(state(r), approver, now);
        if (refusal != null) return refuse(gate.caller(), Act.APPROVE, r.getUserId(), r.getId(), 409, "conflict", refusal);

        UserModel target = session.users().getUserById(realm, r.getUserId());
        if (target == null) return error(409, "conflict", "the user of this request no longer exists");
        r.addApproval(approver, now);
        int needed = policy.approvalsFor(tierRoles(policy, target));
        boolean complete = ResetRules.complete(state(r), needed);
        if (complete) {
            r.setStatus(Status.EXECUTED.name());
            r.setClosedAt(now);
            r.setClosedBy(approver);
        }
        // Two approvals that meet: the second's flush fails on the version column before anything is done.
        // Keycloak's entity manager hands the optimistic-lock failure over as a ModelException.
        try {
            em().flush();
        } catch (ModelException | PersistenceException e) {
            session.getTransactionManager().setRollbackOnly();
            return error(409, "conflict", "the request changed while you approved it; look at it again");
        }
        Map<String, String> details = story(r);
        details.put("approver", gate.caller().user().getUsername());
        details.put("approvals", r.approvals().size() + " of " + needed);
        gate.caller().events().record(OperationType.UPDATE, "approved", r.getUserId(), r.getId(), details);
        if (complete) {
            List<String> approvers = r.approvals().stream().map(a -> username(a.by())).toList();
            ResetExecution.Outcome o = ResetExecution.run(session, realm, target, r, policy.reenrollFor(tierRoles(policy, target)),
                    username(r.getRequesterId()), approvers);
            Map<String, String> done = story(r);
            done.put("approvers", String.join(",", approvers));
            done.put("removed", String.join(",", o.removedTypes()));
            done.put("sessionsEnded", String.valueOf(o.sessionsEnded()));
            done.put("requiredActions", String.join(",", o.requiredActions()));
            done.put("notified", o.notified());
            gate.caller().events().record(OperationType.ACTION, "executed", r.getUserId(), r.getId(), done);
            Map<String, Object> v = view(policy, r);
            v.put("executed", Map.of("removed", o.removedTypes(), "sessionsEnded", o.sessionsEnded(), "requiredActions", o.requiredActions(), "notified", o.notified()));
            return Response.ok(v).build();
        }
        return Response.ok(view(policy, r)).build();
    }

    @POST
    @Path("requests/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id) {
        ResetPolicy policy = ResetPolicy.parse(realm.getAttribute(ResetPolicy.ATTRIBUTE));
        ResetRequestEntity r = policy == null ? null : find(id);
        Gate gate = authorize(policy, Act.CANCEL, r);
        if (gate.refusal() != null) return gate.refusal();
        if (r == null) return error(404, "not_found", "no reset request " + id + " in this realm");
        long now = Time.currentTime();
        String refusal = ResetRules.refuseCancel(state(r), now);
        if (refusal != null) return refuse(gate.caller(), Act.CANCEL, r.getUserId(), r.getId(), 409, "conflict", refusal);
        r.setStatus(Status.CANCELLED.name());
        r.setClosedAt(now);
        r.setClosedBy(gate.caller().user().getId());
        gate.caller().events().record(OperationType.DELETE, "cancelled", r.getUserId(), r.getId(), story(r));
        return Response.ok(view(policy, r)).build();
    }

    // --- the caller -------------------------------------------------------------------------------

    private Gate authorize(ResetPolicy policy, Act act, ResetRequestEntity about) {
        if (policy == null) {
            return new Gate(null, error(404, "not_enabled", NOT_ENABLED));
        }
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (auth == null) {
            return new Gate(null, error(401, "invalid_token", "a valid access token of \"" + policy.client() + "\" is required (kc-assurance reset signs you in)"));
        }
        AccessToken token = auth.token();
        UserModel user = auth.user();
        Set<String> roles = new LinkedHashSet<>();
        for (String name : ResetRules.rolesFor(policy, Act.READ)) if (Roles.holds(realm, user, name)) roles.add(name);
        // When the operator last signed in: the session's own record, which re-authentication (max_age)
        // renews; a session a browser did not start (a direct grant) has none and signed in when it began.
        // Access tokens carry no auth_time by default.
        String sessionAuthTime = auth.session() == null ? null : auth.session().getNote(AuthenticationManager.AUTH_TIME);
        Long authTime = sessionAuthTime != null ? Long.valueOf(sessionAuthTime)
                : auth.session() != null ? Long.valueOf(auth.session().getStarted()) : token.getAuth_time();
        Caller caller = new Caller(user.getId(), roles, ResetRules.rankOf(realm.getAttribute("acr.loa.map"), token.getAcr()), authTime,
                token.getIssuedFor());
        Authorized who = new Authorized(user, new ResetEvents(session, realm, token, user, realm.getClientByClientId(token.getIssuedFor())));
        String refusal = ResetRules.refuseCaller(policy, caller, act, Time.currentTime());
        if (refusal != null) {
            return new Gate(null, refuse(who, act, about == null ? null : about.getUserId(), about == null ? null : about.getId(), 403, "forbidden", refusal));
        }
        return new Gate(who, null);
    }

    private Response refuse(Authorized who, Act act, String userId, String requestId, int status, String code, String message) {
        // Reading is not an act on anyone; a refused read is only answered.
        if (act != Act.READ) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("outcome", "refused");
            d.put("act", act.name().toLowerCase());
            d.put("refusal", message);
            who.events().record(OperationType.ACTION, "refused", userId, requestId, d);
        }
        return error(status, code, message);
    }

    // --- requests ---------------------------------------------------------------------------------

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private ResetRequestEntity find(String id) {
        return em().createNamedQuery("kcaResetById", ResetRequestEntity.class).setParameter("realmId", realm.getId()).setParameter("id", id)
                .getResultStream().findFirst().orElse(null);
    }

    private static State state(ResetRequestEntity r) {
        return new State(r.getUserId(), r.getRequesterId(), Status.valueOf(r.getStatus()), r.getExpiresAt(),
                r.approvals().stream().map(ResetRequestEntity.Approval::by).toList());
    }

    private Set<String> heldFactors(UserModel user) {
        Set<String> held = new LinkedHashSet<>();
        ResetExecution.CREDENTIAL_TYPE.forEach((factor, type) -> {
            if (user.credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent()) held.add(factor);
        });
        return held;
    }

    private List<String> tierRoles(ResetPolicy policy, UserModel user) {
        return policy.tierRoles().stream().filter(name -> Roles.holds(realm, user, name)).toList();
    }

    private Map<String, String> story(ResetRequestEntity r) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("user", username(r.getUserId()));
        d.put("requester", username(r.getRequesterId()));
        d.put("reason", r.getReason());
        d.put("ticket", r.getTicket());
        if (r.getProofing() != null) d.put("proofing", r.getProofing());
        d.put("factors", r.getFactors());
        return d;
    }

    private Map<String, Object> view(ResetPolicy policy, ResetRequestEntity r) {
        long now = Time.currentTime();
        State s = state(r);
        UserModel target = session.users().getUserById(realm, r.getUserId());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.getId());
        v.put("user", person(r.getUserId()));
        v.put("requester", person(r.getRequesterId()));
        v.put("reason", r.getReason());
        v.put("ticket", r.getTicket());
        v.put("proofing", r.getProofing());
        v.put("factors", List.of(r.getFactors().split(",")));
        v.put("status", ResetRules.expired(s, now) ? "expired" : s.status().name().toLowerCase());
        v.put("createdAt", Instant.ofEpochSecond(r.getCreatedAt()).toString());
        v.put("expiresAt", Instant.ofEpochSecond(r.getExpiresAt()).toString());
        v.put("approvals", r.approvals().stream().map(a -> Map.of("by", person(a.by()), "at", Instant.ofEpochSecond(a.at()).toString())).toList());
        v.put("needed", target == null ? null : policy.approvalsFor(tierRoles(policy, target)));
        if (r.getClosedAt() != null) {
            v.put("closedAt", Instant.ofEpochSecond(r.getClosedAt()).toString());
            v.put("closedBy", person(r.getClosedBy()));
        }
        return v;
    }

    private Map<String, Object> person(String id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("username", username(id));
        return p;
    }

    private String username(String id) {
        UserModel u = id == null ? null : session.users().getUserById(realm, id);
        return u == null ? id : u.getUsername();
    }

    private static String text(JsonNode in, String field, int max) {
        if (!in.hasNonNull(field)) return null;
        String v = in.get(field).asText().strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    static Response error(int status, String code, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", code, "error_description", description)).build();
    }
}
