package io.sitework.notification.rules;

/** People named by the item itself; site roles are the other half of an audience ({@link SiteRule#roles()}). */
public enum AudienceType {
    /** The work's owner. */
    OWNER,
    /** The work's person assignees (a team or a contractor company is not a person to notify). */
    ASSIGNEES,
    /** The work's watchers. */
    WATCHERS,
    /** The holder of an issued permit the work is linked to. */
    PERMIT_HOLDER,
    /** Whoever requested the permit. */
    PERMIT_REQUESTER
}
