package io.sitework.notification.rules;

import io.sitework.support.security.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of notification Sitework sends. What causes each kind is fixed in code (an event, or a
 * timer the service keeps); who hears it is a site's data ({@link SiteRule}), starting from the
 * defaults declared here; by which channels is each user's preference, starting from
 * {@link #defaultChannels()}.
 */
public enum NotificationKind {
    /** Work became yours: you were named owner or a person assignee (at request, by assignment or when the work is planned). */
    WORK_ASSIGNED("Work was assigned to you", EnumSet.of(AudienceType.OWNER, AudienceType.ASSIGNEES), Set.of(), true),
    WORK_STARTED("Work you own or are assigned to was started", EnumSet.of(AudienceType.OWNER, AudienceType.ASSIGNEES), Set.of(), false),
    BLOCKER_RAISED("Work you own or are assigned to is blocked", EnumSet.of(AudienceType.OWNER, AudienceType.ASSIGNEES), Set.of(), true),
    BLOCKER_RESOLVED("A blocker on your work was resolved", EnumSet.of(AudienceType.OWNER, AudienceType.ASSIGNEES), Set.of(), false),
    /** A timer of this service, a configurable time before the due instant. */
    DUE_SOON("Your work is due soon", EnumSet.of(AudienceType.OWNER, AudienceType.ASSIGNEES), Set.of(), true),
    OVERDUE("Your work is overdue", EnumSet.of(AudienceType.OWNER, AudienceType.ASSIGNEES), Set.of(), true),
    /** Every other change of a work item, for its watchers. */
    WORK_CHANGED("Work you watch changed", EnumSet.of(AudienceType.WATCHERS), Set.of(), false),
    PERMIT_REQUESTED("A permit to work was requested on your site", EnumSet.noneOf(AudienceType.class), Set.of(Role.PERMIT_AUTHORITY), true),
    /** Work linked to an issued permit is done: its holder can hand the permit back. */
    LINKED_WORK_DONE("Work under a permit you hold is done", EnumSet.of(AudienceType.PERMIT_HOLDER), Set.of(), true),
    /** Still overdue a configurable delay after the overdue event. */
    OVERDUE_ESCALATED("Work on your site is still overdue", EnumSet.noneOf(AudienceType.class), Set.of(Role.SUPERVISOR), true),
    /** A blocker still open a configurable threshold after it was raised. */
    BLOCKED_ESCALATED("Work on your site has been blocked too long", EnumSet.of(AudienceType.OWNER), Set.of(Role.SUPERVISOR), true);

    private final String description;
    private final Set<AudienceType> defaultAudience;
    private final Set<Role> defaultRoles;
    private final boolean emailByDefault;

    NotificationKind(String description, Set<AudienceType> defaultAudience, Set<Role> defaultRoles, boolean emailByDefault) {
        this.description = description;
        this.defaultAudience = Set.copyOf(defaultAudience);
        this.defaultRoles = Set.copyOf(defaultRoles);
        this.emailByDefault = emailByDefault;
    }

    public String description() {
        return description;
    }

    public SiteRule defaultRule() {
        return new SiteRule(this, true, defaultAudience, defaultRoles);
    }

    /** The inbox always; e-mail too for what needs attention soon. */
    public Set<Channel> defaultChannels() {
        return emailByDefault ? EnumSet.of(Channel.INBOX, Channel.EMAIL) : EnumSet.of(Channel.INBOX);
    }
}
