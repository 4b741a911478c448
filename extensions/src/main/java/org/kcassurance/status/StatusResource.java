package org.kcassurance.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * kc-assurance status's read of a realm's users, under /admin/realms/{realm}/kca-status: one request
 * per page of users instead of one per user's credentials through the stock admin API.
 *
 * <pre>
 * GET users?first=0&amp;max=500&amp;role=kca-tier-0&amp;role=...
 *     {"total": 10000, "users": [UserFacts...], "unknownRoles": [roles asked the realm does not have]}
 * </pre>
 *
 * Users are in Keycloak's user-search order (by username), service accounts left out (also of the
 * total), so the caller reads the first page, then the others at once. Counting needs every user, so
 * only an admin who may view all users is answered.
 *
 * Keycloak's user model costs several queries per user (a minute and more for 10,000 users on a small
 * server), so a page of the realm's own users is read with five queries on its tables; users of a
 * user federation (LDAP), whose roles and credentials may live elsewhere, are read through the model.
 */
public class StatusResource {

    static final int MAX_PAGE = 1000;
    private static final String USERS = "from UserEntity u where u.realmId = :realm and u.serviceAccountClientLink is null";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    StatusResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> users(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max,
            @QueryParam("role") List<String> roleNames) {
        auth.users().requireView();
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw new BadRequestException("expected first >= 0 and max between 1 and " + MAX_PAGE);
        }
        List<String> names = roleNames == null ? List.of() : roleNames;
        List<RoleModel> roles = names.stream().map(realm::getRole).filter(Objects::nonNull).toList();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<Object[]> rows = em.createQuery("select u.id, u.username, u.enabled, u.federationLink " + USERS + " order by u.username", Object[].class)
                .setParameter("realm", realm.getId()).setFirstResult(first).setMaxResults(max).getResultList();
        List<String> local = rows.stream().filter(r -> r[3] == null).map(r -> (String) r[0]).toList();
        Page page = local.isEmpty() ? new Page(Map.of(), Map.of(), Map.of(), Map.of(), Map.of()) : Page.read(em, local);
        TierRoles tiers = tierRoles(roles);
        List<Map<String, Object>> users = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            if (r[3] != null) {
                UserModel user = session.users().getUserById(realm, id);
                if (user != null) users.add(facts(user, roles));
                continue;
            }
            users.add(UserFacts.of(id, (String) r[1], (Boolean) r[2],
                    tiers.held(page.roles.getOrDefault(id, List.of()), page.groups.getOrDefault(id, List.of())),
                    Stream.concat(
                            page.types.getOrDefault(id, List.of()).stream().filter(t -> !UserFacts.RECOVERY_CODES.equals(t)).map(t -> new UserFacts.Credential(t, null)),
                            page.codes.getOrDefault(id, List.of()).stream().map(data -> new UserFacts.Credential(UserFacts.RECOVERY_CODES, data))).toList(),
                    page.actions.getOrDefault(id, List.of())));
        }
        long total = em.createQuery("select count(u) " + USERS, Long.class).setParameter("realm", realm.getId()).getSingleResult();
        return Map.of("total", total, "users", users, "unknownRoles", names.stream().filter(n -> realm.getRole(n) == null).toList());
    }

    /** Per user id of a page: credential types (one entry per credential), recovery codes' data, role and group ids, required actions. */
    private record Page(Map<String, List<String>> types, Map<String, List<String>> codes, Map<String, List<String>> roles,
            Map<String, List<String>> groups, Map<String, List<String>> actions) {

        static Page read(EntityManager em, List<String> ids) {
            Function<String, Map<String, List<String>>> byUser = q -> em.createQuery(q, Object[].class).setParameter("ids", ids).getResultStream()
                    .collect(Collectors.groupingBy(r -> (String) r[0], Collectors.mapping(r -> (String) r[1], Collectors.toList())));
            return new Page(
                    byUser.apply("select c.user.id, c.type from CredentialEntity c where c.user.id in :ids"),
                    // Only recovery codes' public data: other types' credential data can hold key material.
                    em.createQuery("select c.user.id, c.credentialData from CredentialEntity c where c.user.id in :ids and c.type = :type", Object[].class)
                            .setParameter("ids", ids).setParameter("type", UserFacts.RECOVERY_CODES).getResultStream()
                            .collect(Collectors.groupingBy(r -> (String) r[0], Collectors.mapping(r -> (String) r[1], Collectors.toList()))),
                    byUser.apply("select m.user.id, m.roleId from UserRoleMappingEntity m where m.user.id in :ids"),
                    byUser.apply("select m.user.id, m.groupId from UserGroupMembershipEntity m where m.user.id in :ids"),
                    byUser.apply("select a.user.id, a.action from UserRequiredActionEntity a where a.user.id in :ids"));
        }
    }

    /** For each tier role: the realm's and clients' roles that are or contain it, and the groups holding it. */
    private TierRoles tierRoles(List<RoleModel> roles) {
        List<RoleModel> all = Stream.concat(realm.getRolesStream(), realm.getClientsStream().flatMap(ClientModel::getRolesStream)).toList();
        List<GroupModel> groups = session.groups().getGroupsStream(realm).toList();
        Map<String, Set<String>> roleIds = new HashMap<>();
        Map<String, Set<String>> groupIds = new HashMap<>();
        for (RoleModel role : roles) {
            roleIds.put(role.getName(), all.stream().filter(r -> r.hasRole(role)).map(RoleModel::getId).collect(Collectors.toSet()));
            groupIds.put(role.getName(), groups.stream().filter(g -> RoleUtils.hasRoleFromGroup(g, role, true)).map(GroupModel::getId).collect(Collectors.toSet()));
        }
        return new TierRoles(roles.stream().map(RoleModel::getName).toList(), roleIds, groupIds);
    }

    private static Map<String, Object> facts(UserModel user, List<RoleModel> roles) {
        List<UserFacts.Credential> credentials = user.credentialManager().getStoredCredentialsStream()
                .map(c -> new UserFacts.Credential(c.getType(), UserFacts.RECOVERY_CODES.equals(c.getType()) ? c.getCredentialData() : null))
                .toList();
        return UserFacts.of(user.getId(), user.getUsername(), user.isEnabled(),
                roles.stream().filter(user::hasRole).map(RoleModel::getName).toList(),
                credentials, user.getRequiredActionsStream().toList());
    }
}
