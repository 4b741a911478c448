package org.kcassurance.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tier roles a user holds, from the ids of their direct role mappings and groups alone, so a
 * page of users needs two queries instead of several per user. Built once per request from the
 * realm: for each tier role, the roles that are or contain it (composites) and the groups that hold
 * one of those (also through a parent group), as Keycloak's own UserModel.hasRole counts them. Pure.
 */
public final class TierRoles {

    private final List<String> names;
    private final Map<String, Set<String>> roleIds;
    private final Map<String, Set<String>> groupIds;

    /** {@code names} in the order asked; per name, the ids of the roles and groups that give it. */
    public TierRoles(List<String> names, Map<String, Set<String>> roleIds, Map<String, Set<String>> groupIds) {
        this.names = names;
        this.roleIds = roleIds;
        this.groupIds = groupIds;
    }

    public List<String> held(Collection<String> userRoleIds, Collection<String> userGroupIds) {
        List<String> held = new ArrayList<>();
        for (String name : names) {
            Set<String> roles = roleIds.getOrDefault(name, Set.of());
            Set<String> groups = groupIds.getOrDefault(name, Set.of());
            if (userRoleIds.stream().anyMatch(roles::contains) || userGroupIds.stream().anyMatch(groups::contains)) held.add(name);
        }
        return held;
    }
}
