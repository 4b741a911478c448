package org.kcassurance.spi;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** Realm roles by name, as policies name them. */
public final class Roles {

    private Roles() {
    }

    /** The user holds the realm role of that name (directly, through a group or a composite); false when the realm has no such role. */
    public static boolean holds(RealmModel realm, UserModel user, String name) {
        RoleModel role = realm.getRole(name);
        return role != null && user.hasRole(role);
    }
}
