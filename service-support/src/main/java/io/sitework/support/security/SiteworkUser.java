package io.sitework.support.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller: who they are and what they may do on which site, as the token says.
 *
 * @param sites    site id → the roles held there
 * @param orgAdmin organisation-wide administrator: every permission on every site
 */
public record SiteworkUser(String subject, String name, Map<String, Set<Role>> sites, boolean orgAdmin) {

    public SiteworkUser {
        sites = sites == null ? Map.of() : sites.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public Set<Role> rolesOn(String siteId) {
        return sites.getOrDefault(siteId, Collections.emptySet());
    }

    /** Whether the user has any role on the site (org admins are on every site). */
    public boolean belongsTo(String siteId) {
        return orgAdmin || !rolesOn(siteId).isEmpty();
    }

    public boolean can(Permission permission, String siteId) {
        if (orgAdmin) {
            return true;
        }
        return rolesOn(siteId).stream().anyMatch(permission::grantedTo);
    }

    /** The sites where the user holds the permission; {@code null} means every site (org admin). */
    public Set<String> sitesWhere(Permission permission) {
        if (orgAdmin) {
            return null;
        }
        return sites.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(permission::grantedTo))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Set<Role> roles(Role... roles) {
        return roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
    }
}
