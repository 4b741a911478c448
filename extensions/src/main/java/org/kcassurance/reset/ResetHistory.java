package org.kcassurance.reset;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What the set-up pages may say of a user's resets: when the latest one was carried out. */
public final class ResetHistory {

    private ResetHistory() {
    }

    /** Epoch seconds of the user's latest reset carried out since {@code since}, or null. */
    public static Long lastExecuted(KeycloakSession session, RealmModel realm, UserModel user, long since) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery("kcaResetExecutedFor", Long.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).setParameter("since", since)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
