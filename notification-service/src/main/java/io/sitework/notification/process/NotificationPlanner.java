package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.BlockerRaised;
import io.sitework.events.work.BlockerResolved;
import io.sitework.events.work.WorkOverdue;
import io.sitework.events.work.WorkRequested;
import io.sitework.notification.audience.PermitAudience;
import io.sitework.notification.audience.WorkAudience;
import io.sitework.notification.rules.AudienceType;
import io.sitework.notification.rules.NotificationKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * From what happened to the notices it causes: pure, so every rule of "who hears what" is a plain unit
 * test. Specific kinds come before {@link NotificationKind#WORK_CHANGED}, so a person both assigned and
 * watching gets the specific one (one notification per trigger, recipient and channel).
 */
public final class NotificationPlanner {

    private NotificationPlanner() {
    }

    /**
     * @param before           the work as known before the event
     * @param after            the work after it
     * @param permitsOfTheWork on work.completed, the issued or suspended permits linked to the work
     */
    public static List<Notice> forWork(CloudEvent event, WorkAudience before, WorkAudience after, List<PermitAudience> permitsOfTheWork) {
        List<Notice> notices = new ArrayList<>();
        String type = event.type();
        String label = after.label();
        String link = "/work/" + after.id;
        if (type.equals(EventCatalog.WORK_REQUESTED.type())) {
            WorkRequested w = event.dataAs(EventCatalog.WORK_REQUESTED);
            if (after.ownerId != null) {
                notices.add(new Notice(NotificationKind.WORK_ASSIGNED, after.id, link, "New work assigned to you: " + label, requestedBody(w),
                        people(AudienceType.OWNER, List.of(after.ownerId))));
            }
        } else if (type.equals(EventCatalog.WORK_ASSIGNED.type()) || type.equals(EventCatalog.WORK_PLANNED.type())) {
            // planning may name the person assignees too: they are told as if assigned
            Map<AudienceType, Collection<String>> newly = new EnumMap<>(AudienceType.class);
            if (after.ownerId != null && !after.ownerId.equals(before.ownerId)) {
                newly.put(AudienceType.OWNER, List.of(after.ownerId));
            }
            List<String> added = new ArrayList<>(after.assignees);
            added.removeAll(before.assignees);
            if (!added.isEmpty()) {
                newly.put(AudienceType.ASSIGNEES, added);
            }
            if (!newly.isEmpty()) {
                notices.add(new Notice(NotificationKind.WORK_ASSIGNED, after.id, link, "Work assigned to you: " + label,
                        "Assigned by " + event.actor() + "." + status(after), newly));
            }
        } else if (type.equals(EventCatalog.WORK_STARTED.type())) {
            notices.add(new Notice(NotificationKind.WORK_STARTED, after.id, link, "Work started: " + label,
                    "Started by " + event.actor() + ".", owners(after)));
        } else if (type.equals(EventCatalog.WORK_BLOCKER_RAISED.type())) {
            BlockerRaised b = event.dataAs(EventCatalog.WORK_BLOCKER_RAISED);
            notices.add(new Notice(NotificationKind.BLOCKER_RAISED, after.id, link, "Blocked (" + b.type() + "): " + label,
                    b.type() + " blocker raised by " + (b.automatic() ? "Sitework" : b.raisedBy()) + ": " + b.reason()
                            + (b.reference() == null ? "" : " (" + b.reference() + ")"), owners(after)));
        } else if (type.equals(EventCatalog.WORK_BLOCKER_RESOLVED.type())) {
            BlockerResolved b = event.dataAs(EventCatalog.WORK_BLOCKER_RESOLVED);
            notices.add(new Notice(NotificationKind.BLOCKER_RESOLVED, after.id, link, "Blocker resolved (" + b.type() + "): " + label,
                    "Resolved by " + (b.automatic() ? "Sitework" : b.resolvedBy()) + (b.note() == null ? "." : ": " + b.note() + ".")
                            + (after.openBlockers.isEmpty() ? " Nothing blocks it any more." : " Still blocked by " + after.openBlockers.size() + "."),
                    owners(after)));
        } else if (type.equals(EventCatalog.WORK_OVERDUE.type())) {
            WorkOverdue o = event.dataAs(EventCatalog.WORK_OVERDUE);
            notices.add(new Notice(NotificationKind.OVERDUE, after.id, link, "Overdue: " + label,
                    "It was due " + o.dueAt() + " and is " + after.status + ".", owners(after)));
        } else if (type.equals(EventCatalog.WORK_COMPLETED.type())) {
            for (PermitAudience permit : permitsOfTheWork) {
                Map<AudienceType, Collection<String>> people = new EnumMap<>(AudienceType.class);
                if (permit.holderId != null) {
                    people.put(AudienceType.PERMIT_HOLDER, List.of(permit.holderId));
                }
                if (permit.requestedBy != null) {
                    people.put(AudienceType.PERMIT_REQUESTER, List.of(permit.requestedBy));
                }
                notices.add(new Notice(NotificationKind.LINKED_WORK_DONE, permit.id, "/permits/" + permit.id,
                        "Work done under your " + permit.permitType + " permit: " + label,
                        "Completed by " + event.actor() + ". The permit can be handed back once all its work is done.", people));
            }
        }
        if (!after.watchers.isEmpty()) {
            notices.add(new Notice(NotificationKind.WORK_CHANGED, after.id, link, label + ": " + describe(type),
                    "Changed by " + event.actor() + "." + status(after), people(AudienceType.WATCHERS, after.watchers)));
        }
        return notices;
    }

    public static List<Notice> forPermit(CloudEvent event, PermitAudience after) {
        if (!event.type().equals(EventCatalog.PERMIT_REQUESTED.type())) {
            return List.of();
        }
        var requested = event.dataAs(EventCatalog.PERMIT_REQUESTED);
        String body = "Requested by " + requested.requestedBy() + " for " + requested.workIds().size() + " work item(s), valid "
                + requested.validFrom() + " to " + requested.validTo() + "."
                + (requested.hazards().isEmpty() ? "" : " Hazards: " + String.join(", ", requested.hazards()) + ".");
        Map<AudienceType, Collection<String>> people = new EnumMap<>(AudienceType.class);
        if (after.requestedBy != null) {
            people.put(AudienceType.PERMIT_REQUESTER, List.of(after.requestedBy));
        }
        return List.of(new Notice(NotificationKind.PERMIT_REQUESTED, after.id, "/permits/" + after.id,
                requested.permitType() + " permit requested", body, people));
    }

    public static Notice dueSoon(WorkAudience work, Instant dueAt) {
        return new Notice(NotificationKind.DUE_SOON, work.id, "/work/" + work.id, "Due soon: " + work.label(),
                "Due " + dueAt + "; it is " + work.status + "." + blockers(work), owners(work));
    }

    public static Notice overdueEscalated(WorkAudience work, Instant dueAt) {
        return new Notice(NotificationKind.OVERDUE_ESCALATED, work.id, "/work/" + work.id, "Still overdue: " + work.label(),
                "Due " + dueAt + ", still " + work.status + ", owner " + work.ownerId + "." + blockers(work), owners(work));
    }

    public static Notice blockedEscalated(WorkAudience work, WorkAudience.OpenBlocker blocker) {
        return new Notice(NotificationKind.BLOCKED_ESCALATED, work.id, "/work/" + work.id, "Blocked too long (" + blocker.type + "): " + work.label(),
                "Blocked since " + blocker.raisedAt + " by a " + blocker.type + " blocker: " + blocker.reason + ". Owner " + work.ownerId + ".",
                owners(work));
    }

    private static Map<AudienceType, Collection<String>> owners(WorkAudience work) {
        Map<AudienceType, Collection<String>> people = new EnumMap<>(AudienceType.class);
        if (work.ownerId != null) {
            people.put(AudienceType.OWNER, List.of(work.ownerId));
        }
        people.put(AudienceType.ASSIGNEES, work.assignees);
        people.put(AudienceType.WATCHERS, work.watchers);
        return people;
    }

    private static Map<AudienceType, Collection<String>> people(AudienceType type, Collection<String> who) {
        return Map.of(type, List.copyOf(who));
    }

    private static String status(WorkAudience work) {
        return work.status == null ? "" : " It is " + work.status + ".";
    }

    private static String blockers(WorkAudience work) {
        return work.openBlockers.isEmpty() ? "" : " Blocked by " + work.openBlockers.stream().map(b -> b.type).toList() + ".";
    }

    /** "io.sitework.work.blocker_raised.v1" → "blocker raised". */
    private static String describe(String type) {
        return type.replace("io.sitework.work.", "").replace(".v1", "").replace('_', ' ');
    }

    private static String requestedBody(WorkRequested work) {
        List<String> facts = new ArrayList<>();
        if (work.kind() != null) {
            facts.add(work.kind());
        }
        if (work.priority() != null) {
            facts.add("priority " + work.priority());
        }
        if (work.dueAt() != null) {
            facts.add("due " + work.dueAt());
        }
        if (work.requestedBy() != null) {
            facts.add("requested by " + work.requestedBy());
        }
        String summary = facts.isEmpty() ? "" : String.join(", ", facts) + ".";
        String description = work.description() == null || work.description().isBlank() ? "" : work.description().strip();
        if (summary.isEmpty()) {
            return description;
        }
        return description.isEmpty() ? summary : summary + "\n\n" + description;
    }
}
