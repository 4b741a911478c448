package org.kcassurance.reset;

import java.util.Map;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The story of each reset as admin events (resource type KCA_MFA_RESET, path users/{user}/kca-mfa-reset/{request}):
 * requested, approved, refused, cancelled, executed, each naming its actor (the event's auth user)
 * and, in details, what it was about. Stored when the realm keeps admin events; every admin-event
 * listener (SIEM forwarders, the log) sees them either way.
 */
final class ResetEvents {

    static final String RESOURCE_TYPE = "KCA_MFA_RESET";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAuth actor;

    ResetEvents(KeycloakSession session, RealmModel realm, AccessToken token, UserModel user, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.actor = new AdminAuth(realm, token, user, client);
    }

    void record(OperationType op, String step, String userId, String requestId, Map<String, String> details) {
        AdminEventBuilder e = new AdminEventBuilder(realm, actor, session, session.getContext().getConnection())
                .operation(op).resource(RESOURCE_TYPE)
                .resourcePath("users", userId == null ? "-" : userId, "kca-mfa-reset", requestId == null ? "-" : requestId)
                .detail("step", step).detail("severity", "high");
        details.forEach(e::detail);
        e.success();
    }
}
