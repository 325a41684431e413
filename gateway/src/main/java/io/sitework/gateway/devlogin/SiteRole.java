package io.sitework.gateway.devlogin;

/**
 * The roles a user may hold on a site, as they travel in the token's {@code sites} claim. The services
 * have the same list (service-support's {@code Role}); organisation admin travels as {@code org_admin}.
 */
public enum SiteRole {
    REQUESTER,
    TECHNICIAN,
    SUPERVISOR,
    PLANNER,
    PERMIT_AUTHORITY,
    CONTRACTOR,
    AUDITOR,
    SITE_ADMIN
}
