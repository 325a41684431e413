package io.sitework.support.security;

import io.sitework.support.domain.NotFoundException;

import java.util.Set;

/**
 * The per-site authorization every endpoint goes through, with the site taken from the item (or,
 * when creating one, from the request). Reads by a stranger to the site are told "not found";
 * commands by a stranger, and anything a role does not allow, are forbidden.
 */
public class SiteAccess {

    /** Before a read of one item whose site is known. */
    public void checkRead(Permission permission, String siteId, String notFoundMessage) {
        SiteworkUser user = CurrentUser.get();
        if (!user.belongsTo(siteId)) {
            throw new NotFoundException(notFoundMessage);
        }
        if (!user.can(permission, siteId)) {
            throw new ForbiddenException("Your roles on this site do not allow " + describe(permission));
        }
    }

    /** Before a command on (or the creation of) an item of the site. */
    public void checkCommand(Permission permission, String siteId) {
        SiteworkUser user = CurrentUser.get();
        if (!user.belongsTo(siteId)) {
            throw new ForbiddenException("You have no role on site " + siteId);
        }
        if (!user.can(permission, siteId)) {
            throw new ForbiddenException("Your roles on site " + siteId + " (" + user.rolesOn(siteId) + ") do not allow "
                    + describe(permission));
        }
    }

    /** Before an organisation-wide operation (no site involved): a permission no site role holds, so ORG_ADMIN only. */
    public void checkOrganisation(Permission permission) {
        if (!CurrentUser.get().orgAdmin()) {
            throw new ForbiddenException("Only an organisation admin may " + describe(permission));
        }
    }

    /**
     * The sites a list may cover: the requested one if the caller may read there (else 403), or all
     * the caller's readable sites; {@code null} means every site (org admin, no site asked).
     */
    public Set<String> listableSites(Permission permission, String requestedSiteId) {
        SiteworkUser user = CurrentUser.get();
        if (requestedSiteId != null) {
            if (!user.can(permission, requestedSiteId)) {
                throw new ForbiddenException("You may not read site " + requestedSiteId);
            }
            return Set.of(requestedSiteId);
        }
        return user.sitesWhere(permission);
    }

    private static String describe(Permission permission) {
        return permission.name().toLowerCase().replace('_', ' ');
    }
}
