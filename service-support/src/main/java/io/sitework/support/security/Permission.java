package io.sitework.support.security;

import java.util.EnumSet;
import java.util.Set;

import static io.sitework.support.security.Role.AUDITOR;
import static io.sitework.support.security.Role.CONTRACTOR;
import static io.sitework.support.security.Role.PERMIT_AUTHORITY;
import static io.sitework.support.security.Role.PLANNER;
import static io.sitework.support.security.Role.REQUESTER;
import static io.sitework.support.security.Role.SITE_ADMIN;
import static io.sitework.support.security.Role.SUPERVISOR;
import static io.sitework.support.security.Role.TECHNICIAN;

/**
 * What a role allows on a site: the one table every service enforces (docs/security.md shows it per
 * endpoint, and each service's RoleTableIT checks the two agree). ORG_ADMIN holds every permission.
 */
public enum Permission {
    WORK_READ(EnumSet.allOf(Role.class)),
    WORK_REQUEST(EnumSet.of(REQUESTER, TECHNICIAN, SUPERVISOR, PLANNER, PERMIT_AUTHORITY, SITE_ADMIN)),
    WORK_EXECUTE(EnumSet.of(TECHNICIAN, SUPERVISOR, CONTRACTOR)),
    WORK_PLAN(EnumSet.of(PLANNER, SUPERVISOR)),
    WORK_VERIFY(EnumSet.of(SUPERVISOR)),
    /** Closing despite missing or failed evidence, with a reason. */
    WORK_OVERRIDE(EnumSet.of(SUPERVISOR)),
    WORK_BLOCK(EnumSet.of(REQUESTER, TECHNICIAN, SUPERVISOR, PLANNER, PERMIT_AUTHORITY, CONTRACTOR)),
    WORK_COMMENT(EnumSet.of(REQUESTER, TECHNICIAN, SUPERVISOR, PLANNER, PERMIT_AUTHORITY, CONTRACTOR, SITE_ADMIN)),
    ASSET_READ(EnumSet.allOf(Role.class)),
    ASSET_REGISTER(EnumSet.of(PLANNER, SITE_ADMIN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    /** Reading changes nothing: a caller with no role on the site is told the item does not exist. */
    public boolean isRead() {
        return name().endsWith("_READ");
    }

    static {
        for (Permission p : values()) {
            if (!p.isRead() && p.roles.contains(AUDITOR)) {
                throw new IllegalStateException("auditors change nothing, but " + p + " grants a change to them");
            }
        }
    }
}
