package io.sitework.events;

import io.sitework.events.context.AssetRegistered;
import io.sitework.events.work.BlockerRaised;
import io.sitework.events.work.BlockerResolved;
import io.sitework.events.work.ChecklistItemRecorded;
import io.sitework.events.work.CommentAdded;
import io.sitework.events.work.WorkAssigned;
import io.sitework.events.work.WorkCancelled;
import io.sitework.events.work.WorkClosed;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkDueDateChanged;
import io.sitework.events.work.WorkOverdue;
import io.sitework.events.work.WorkPlanned;
import io.sitework.events.work.WorkPutOnHold;
import io.sitework.events.work.WorkRejected;
import io.sitework.events.work.WorkReopened;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkResumed;
import io.sitework.events.work.WorkStarted;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every integration event type of the public contract. The type strings and topics are chosen here,
 * never derived from class names, so a record can move without breaking a consumer.
 * docs/event-catalogue.md describes each entry; a test keeps the two in step.
 */
public final class EventCatalog {

    public static final EventType<WorkRequested> WORK_REQUESTED =
            new EventType<>("io.sitework.work.requested.v1", WorkRequested.class, Topics.WORK, "work");
    public static final EventType<WorkStarted> WORK_STARTED =
            new EventType<>("io.sitework.work.started.v1", WorkStarted.class, Topics.WORK, "work");
    public static final EventType<WorkCompleted> WORK_COMPLETED =
            new EventType<>("io.sitework.work.completed.v1", WorkCompleted.class, Topics.WORK, "work");
    public static final EventType<WorkPlanned> WORK_PLANNED =
            new EventType<>("io.sitework.work.planned.v1", WorkPlanned.class, Topics.WORK, "work");
    public static final EventType<WorkDueDateChanged> WORK_DUE_DATE_CHANGED =
            new EventType<>("io.sitework.work.due_date_changed.v1", WorkDueDateChanged.class, Topics.WORK, "work");
    public static final EventType<WorkAssigned> WORK_ASSIGNED =
            new EventType<>("io.sitework.work.assigned.v1", WorkAssigned.class, Topics.WORK, "work");
    public static final EventType<WorkPutOnHold> WORK_PUT_ON_HOLD =
            new EventType<>("io.sitework.work.put_on_hold.v1", WorkPutOnHold.class, Topics.WORK, "work");
    public static final EventType<WorkResumed> WORK_RESUMED =
            new EventType<>("io.sitework.work.resumed.v1", WorkResumed.class, Topics.WORK, "work");
    public static final EventType<WorkClosed> WORK_CLOSED =
            new EventType<>("io.sitework.work.closed.v1", WorkClosed.class, Topics.WORK, "work");
    public static final EventType<WorkReopened> WORK_REOPENED =
            new EventType<>("io.sitework.work.reopened.v1", WorkReopened.class, Topics.WORK, "work");
    public static final EventType<WorkRejected> WORK_REJECTED =
            new EventType<>("io.sitework.work.rejected.v1", WorkRejected.class, Topics.WORK, "work");
    public static final EventType<WorkCancelled> WORK_CANCELLED =
            new EventType<>("io.sitework.work.cancelled.v1", WorkCancelled.class, Topics.WORK, "work");
    public static final EventType<BlockerRaised> WORK_BLOCKER_RAISED =
            new EventType<>("io.sitework.work.blocker_raised.v1", BlockerRaised.class, Topics.WORK, "work");
    public static final EventType<BlockerResolved> WORK_BLOCKER_RESOLVED =
            new EventType<>("io.sitework.work.blocker_resolved.v1", BlockerResolved.class, Topics.WORK, "work");
    public static final EventType<ChecklistItemRecorded> WORK_CHECKLIST_ITEM_RECORDED =
            new EventType<>("io.sitework.work.checklist_item_recorded.v1", ChecklistItemRecorded.class, Topics.WORK, "work");
    public static final EventType<CommentAdded> WORK_COMMENT_ADDED =
            new EventType<>("io.sitework.work.comment_added.v1", CommentAdded.class, Topics.WORK, "work");
    public static final EventType<WorkOverdue> WORK_OVERDUE =
            new EventType<>("io.sitework.work.overdue.v1", WorkOverdue.class, Topics.WORK, "work");
    public static final EventType<AssetRegistered> ASSET_REGISTERED =
            new EventType<>("io.sitework.asset.registered.v1", AssetRegistered.class, Topics.CONTEXT, "assets");

    private static final Map<String, EventType<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        register(WORK_REQUESTED);
        register(WORK_STARTED);
        register(WORK_COMPLETED);
        register(WORK_PLANNED);
        register(WORK_DUE_DATE_CHANGED);
        register(WORK_ASSIGNED);
        register(WORK_PUT_ON_HOLD);
        register(WORK_RESUMED);
        register(WORK_CLOSED);
        register(WORK_REOPENED);
        register(WORK_REJECTED);
        register(WORK_CANCELLED);
        register(WORK_BLOCKER_RAISED);
        register(WORK_BLOCKER_RESOLVED);
        register(WORK_CHECKLIST_ITEM_RECORDED);
        register(WORK_COMMENT_ADDED);
        register(WORK_OVERDUE);
        register(ASSET_REGISTERED);
    }

    private EventCatalog() {
    }

    private static void register(EventType<?> eventType) {
        if (BY_TYPE.putIfAbsent(eventType.type(), eventType) != null) {
            throw new IllegalStateException("duplicate event type " + eventType.type());
        }
    }

    public static Optional<EventType<?>> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Collection<EventType<?>> all() {
        return BY_TYPE.values();
    }

    /** The registered type of a payload record. */
    public static EventType<?> typeOf(IntegrationEvent data) {
        return BY_TYPE.values().stream()
                .filter(t -> t.dataClass() == data.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered integration event: " + data.getClass().getName()));
    }
}
