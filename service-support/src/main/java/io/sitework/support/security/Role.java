package io.sitework.support.security;

/** The roles a user holds on a site. ORG_ADMIN is organisation-wide and travels as the {@code org_admin} claim. */
public enum Role {
    REQUESTER,
    TECHNICIAN,
    SUPERVISOR,
    PLANNER,
    PERMIT_AUTHORITY,
    CONTRACTOR,
    AUDITOR,
    SITE_ADMIN
}
