package io.sitework.notification.audience;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.work.Assignee;
import io.sitework.events.work.BlockerRaised;
import io.sitework.events.work.WorkAssigned;
import io.sitework.events.work.WorkRequested;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What notification-service needs to know about one work item to decide who hears about it: its
 * people, status, due instant and open blockers. Its own view, fed from {@code sitework.work.v1}; an
 * event is applied once, by its per-aggregate sequence.
 */
@Document(WorkAudience.COLLECTION)
public class WorkAudience {

    public static final String COLLECTION = "work_audience";
    public static final Set<String> FINISHED = Set.of("DONE", "CLOSED", "REJECTED", "CANCELLED");

    @Id
    public String id;
    public String siteId;
    public String title;
    public String kind;
    public String ownerId;
    public List<String> assignees = new ArrayList<>();
    public List<String> watchers = new ArrayList<>();
    public String status;
    public Instant dueAt;
    /** The sequence of the event that last set {@code dueAt}; -1 if none did. */
    public long dueSequence = -1;
    public List<OpenBlocker> openBlockers = new ArrayList<>();
    /** The sequence of the last applied event; -1 before any. */
    public long lastSequence = -1;

    public static class OpenBlocker {
        public String blockerId;
        public String type;
        public String reason;
        public String raisedBy;
        public Instant raisedAt;
        /** The sequence of the event that raised it (a blocker id may be raised again after being resolved). */
        public long raisedSequence = -1;
    }

    public static WorkAudience empty(String workId, String siteId) {
        WorkAudience audience = new WorkAudience();
        audience.id = workId;
        audience.siteId = siteId;
        return audience;
    }

    public boolean finished() {
        return status != null && FINISHED.contains(status);
    }

    public String label() {
        return title == null || title.isBlank() ? "work " + id : title;
    }

    public WorkAudience copy() {
        WorkAudience c = new WorkAudience();
        c.id = id;
        c.siteId = siteId;
        c.title = title;
        c.kind = kind;
        c.ownerId = ownerId;
        c.assignees = new ArrayList<>(assignees);
        c.watchers = new ArrayList<>(watchers);
        c.status = status;
        c.dueAt = dueAt;
        c.dueSequence = dueSequence;
        c.openBlockers = new ArrayList<>(openBlockers);
        c.lastSequence = lastSequence;
        return c;
    }

    /** This view after the event (a new object; this one is unchanged). */
    public WorkAudience after(CloudEvent event) {
        WorkAudience next = copy();
        next.lastSequence = event.sequence();
        if (next.siteId == null) {
            next.siteId = event.siteid();
        }
        String type = event.type();
        if (type.equals(EventCatalog.WORK_REQUESTED.type())) {
            WorkRequested w = event.dataAs(EventCatalog.WORK_REQUESTED);
            next.title = w.title();
            next.kind = w.kind();
            next.ownerId = w.ownerId();
            next.dueAt = w.dueAt();
            next.dueSequence = w.dueAt() == null ? -1 : event.sequence();
            next.status = "REQUESTED";
        } else if (type.equals(EventCatalog.WORK_ASSIGNED.type())) {
            WorkAssigned w = event.dataAs(EventCatalog.WORK_ASSIGNED);
            next.ownerId = w.ownerId();
            next.assignees = persons(w.assignees());
            next.watchers = new ArrayList<>(w.watchers());
        } else if (type.equals(EventCatalog.WORK_PLANNED.type())) {
            // as work-service's own view: planning that names assignees replaces them, planning that names none keeps them
            List<Assignee> planned = event.dataAs(EventCatalog.WORK_PLANNED).assignees();
            if (planned != null && !planned.isEmpty()) {
                next.assignees = persons(planned);
            }
            next.status = "PLANNED";
        } else if (type.equals(EventCatalog.WORK_DUE_DATE_CHANGED.type())) {
            next.dueAt = event.dataAs(EventCatalog.WORK_DUE_DATE_CHANGED).dueAt();
            next.dueSequence = event.sequence();
        } else if (type.equals(EventCatalog.WORK_BLOCKER_RAISED.type())) {
            BlockerRaised b = event.dataAs(EventCatalog.WORK_BLOCKER_RAISED);
            next.openBlockers.removeIf(o -> o.blockerId.equals(b.blockerId()));
            OpenBlocker open = new OpenBlocker();
            open.blockerId = b.blockerId();
            open.type = b.type();
            open.reason = b.reason();
            open.raisedBy = b.raisedBy();
            open.raisedAt = event.time();
            open.raisedSequence = event.sequence();
            next.openBlockers.add(open);
        } else if (type.equals(EventCatalog.WORK_BLOCKER_RESOLVED.type())) {
            String blockerId = event.dataAs(EventCatalog.WORK_BLOCKER_RESOLVED).blockerId();
            next.openBlockers.removeIf(o -> o.blockerId.equals(blockerId));
        } else {
            String status = STATUS_AFTER.get(type);
            if (status != null) {
                next.status = status;
            }
        }
        return next;
    }

    private static final java.util.Map<String, String> STATUS_AFTER = java.util.Map.of(
            EventCatalog.WORK_STARTED.type(), "IN_PROGRESS",
            EventCatalog.WORK_PUT_ON_HOLD.type(), "ON_HOLD",
            EventCatalog.WORK_RESUMED.type(), "IN_PROGRESS",
            EventCatalog.WORK_COMPLETED.type(), "DONE",
            EventCatalog.WORK_CLOSED.type(), "CLOSED",
            EventCatalog.WORK_REJECTED.type(), "REJECTED",
            EventCatalog.WORK_CANCELLED.type(), "CANCELLED",
            EventCatalog.WORK_REOPENED.type(), "IN_PROGRESS");

    private static List<String> persons(List<Assignee> assignees) {
        List<String> persons = new ArrayList<>();
        for (Assignee a : assignees) {
            if ("PERSON".equals(a.type()) && a.id() != null && !persons.contains(a.id())) {
                persons.add(a.id());
            }
        }
        return persons;
    }
}
