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
    ASSET_REGISTER(EnumSet.of(PLANNER, SITE_ADMIN)),
    /** Moving an asset in the tree, taking it out of service, decommissioning it. */
    ASSET_MANAGE(EnumSet.of(PLANNER, SUPERVISOR, SITE_ADMIN)),
    SITE_READ(EnumSet.allOf(Role.class)),
    /** Setting up a site is organisation-wide: only ORG_ADMIN (who holds every permission). */
    SITE_REGISTER(EnumSet.noneOf(Role.class)),
    PERMIT_READ(EnumSet.allOf(Role.class)),
    /** Asking for a permit (the performing side); cancelling one's own request before hand-back. */
    PERMIT_REQUEST(EnumSet.of(TECHNICIAN, SUPERVISOR, PLANNER, CONTRACTOR, PERMIT_AUTHORITY)),
    /** Approve, reject, issue, suspend, resume, close, cancel: the permit authority's decisions. */
    PERMIT_AUTHORIZE(EnumSet.of(PERMIT_AUTHORITY)),
    /** Applying and removing isolation points (authorised isolators). */
    PERMIT_ISOLATE(EnumSet.of(TECHNICIAN, SUPERVISOR, PERMIT_AUTHORITY)),
    /** Verifying an applied isolation: not the person who applied it (the aggregate checks that). */
    PERMIT_VERIFY_ISOLATION(EnumSet.of(SUPERVISOR, PERMIT_AUTHORITY)),
    /** Handing a permit back when the work under it is done (the holder's side). */
    PERMIT_HAND_BACK(EnumSet.of(TECHNICIAN, SUPERVISOR, CONTRACTOR, PERMIT_AUTHORITY)),
    CONTRACTOR_READ(EnumSet.allOf(Role.class)),
    /** Registering contractor companies and granting or revoking their qualifications. */
    CONTRACTOR_MANAGE(EnumSet.of(PLANNER, SITE_ADMIN)),
    /** Editing who is told what on a site (the site's notification rules); everyone on the site reads them. */
    NOTIFICATION_RULES_MANAGE(EnumSet.of(SITE_ADMIN)),
    /** Subscribing downstream systems to a site's events, reading their delivery logs, redelivering. */
    WEBHOOK_MANAGE(EnumSet.of(SITE_ADMIN)),
    /** Operating the notification pipeline itself (dead-lettered events, their retry): only ORG_ADMIN. */
    NOTIFICATION_OPERATE(EnumSet.noneOf(Role.class)),
    /**
     * The audit questions about a site as a whole: its state as of an instant, its event feed and export,
     * the verification of an item's hash chain. Single items' histories stay under their own read permission.
     */
    AUDIT_READ(EnumSet.of(AUDITOR, SUPERVISOR, SITE_ADMIN)),
    /** Rebuilding read models and re-publishing integration events: operating the platform, ORG_ADMIN only. */
    AUDIT_OPERATE(EnumSet.noneOf(Role.class));

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
