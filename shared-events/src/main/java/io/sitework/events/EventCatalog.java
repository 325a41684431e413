package io.sitework.events;

import io.sitework.events.context.AssetMoved;
import io.sitework.events.context.AssetRegistered;
import io.sitework.events.context.AssetStatusChanged;
import io.sitework.events.context.ContractorQualificationGranted;
import io.sitework.events.context.ContractorQualificationLapsed;
import io.sitework.events.context.ContractorRegistered;
import io.sitework.events.context.IsolationApplied;
import io.sitework.events.context.IsolationRemoved;
import io.sitework.events.context.IsolationVerified;
import io.sitework.events.context.PermitApproved;
import io.sitework.events.context.PermitCancelled;
import io.sitework.events.context.PermitClosed;
import io.sitework.events.context.PermitExpired;
import io.sitework.events.context.PermitHandedBack;
import io.sitework.events.context.PermitIssued;
import io.sitework.events.context.PermitReadyForHandBack;
import io.sitework.events.context.PermitRejected;
import io.sitework.events.context.PermitRequested;
import io.sitework.events.context.PermitResumed;
import io.sitework.events.context.PermitSuspended;
import io.sitework.events.context.SiteRegistered;
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
import io.sitework.events.work.WorkPermitLinked;
import io.sitework.events.work.WorkPermitStatusChanged;
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
    public static final EventType<WorkPermitLinked> WORK_PERMIT_LINKED =
            new EventType<>("io.sitework.work.permit_linked.v1", WorkPermitLinked.class, Topics.WORK, "work");
    public static final EventType<WorkPermitStatusChanged> WORK_PERMIT_STATUS_CHANGED =
            new EventType<>("io.sitework.work.permit_status_changed.v1", WorkPermitStatusChanged.class, Topics.WORK, "work");
    public static final EventType<SiteRegistered> SITE_REGISTERED =
            new EventType<>("io.sitework.site.registered.v1", SiteRegistered.class, Topics.CONTEXT, "site");
    public static final EventType<AssetMoved> ASSET_MOVED =
            new EventType<>("io.sitework.asset.moved.v1", AssetMoved.class, Topics.CONTEXT, "assets");
    public static final EventType<AssetStatusChanged> ASSET_STATUS_CHANGED =
            new EventType<>("io.sitework.asset.status_changed.v1", AssetStatusChanged.class, Topics.CONTEXT, "assets");
    public static final EventType<PermitRequested> PERMIT_REQUESTED =
            new EventType<>("io.sitework.permit.requested.v1", PermitRequested.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitApproved> PERMIT_APPROVED =
            new EventType<>("io.sitework.permit.approved.v1", PermitApproved.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitRejected> PERMIT_REJECTED =
            new EventType<>("io.sitework.permit.rejected.v1", PermitRejected.class, Topics.CONTEXT, "permits");
    public static final EventType<IsolationApplied> PERMIT_ISOLATION_APPLIED =
            new EventType<>("io.sitework.permit.isolation_applied.v1", IsolationApplied.class, Topics.CONTEXT, "permits");
    public static final EventType<IsolationVerified> PERMIT_ISOLATION_VERIFIED =
            new EventType<>("io.sitework.permit.isolation_verified.v1", IsolationVerified.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitIssued> PERMIT_ISSUED =
            new EventType<>("io.sitework.permit.issued.v1", PermitIssued.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitSuspended> PERMIT_SUSPENDED =
            new EventType<>("io.sitework.permit.suspended.v1", PermitSuspended.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitResumed> PERMIT_RESUMED =
            new EventType<>("io.sitework.permit.resumed.v1", PermitResumed.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitReadyForHandBack> PERMIT_READY_FOR_HANDBACK =
            new EventType<>("io.sitework.permit.ready_for_handback.v1", PermitReadyForHandBack.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitHandedBack> PERMIT_HANDED_BACK =
            new EventType<>("io.sitework.permit.handed_back.v1", PermitHandedBack.class, Topics.CONTEXT, "permits");
    public static final EventType<IsolationRemoved> PERMIT_ISOLATION_REMOVED =
            new EventType<>("io.sitework.permit.isolation_removed.v1", IsolationRemoved.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitClosed> PERMIT_CLOSED =
            new EventType<>("io.sitework.permit.closed.v1", PermitClosed.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitCancelled> PERMIT_CANCELLED =
            new EventType<>("io.sitework.permit.cancelled.v1", PermitCancelled.class, Topics.CONTEXT, "permits");
    public static final EventType<PermitExpired> PERMIT_EXPIRED =
            new EventType<>("io.sitework.permit.expired.v1", PermitExpired.class, Topics.CONTEXT, "permits");
    public static final EventType<ContractorRegistered> CONTRACTOR_REGISTERED =
            new EventType<>("io.sitework.contractor.registered.v1", ContractorRegistered.class, Topics.CONTEXT, "contractors");
    public static final EventType<ContractorQualificationGranted> CONTRACTOR_QUALIFICATION_GRANTED =
            new EventType<>("io.sitework.contractor.qualification_granted.v1", ContractorQualificationGranted.class, Topics.CONTEXT, "contractors");
    public static final EventType<ContractorQualificationLapsed> CONTRACTOR_QUALIFICATION_LAPSED =
            new EventType<>("io.sitework.contractor.qualification_lapsed.v1", ContractorQualificationLapsed.class, Topics.CONTEXT, "contractors");

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
        register(WORK_PERMIT_LINKED);
        register(WORK_PERMIT_STATUS_CHANGED);
        register(SITE_REGISTERED);
        register(ASSET_MOVED);
        register(ASSET_STATUS_CHANGED);
        register(PERMIT_REQUESTED);
        register(PERMIT_APPROVED);
        register(PERMIT_REJECTED);
        register(PERMIT_ISOLATION_APPLIED);
        register(PERMIT_ISOLATION_VERIFIED);
        register(PERMIT_ISSUED);
        register(PERMIT_SUSPENDED);
        register(PERMIT_RESUMED);
        register(PERMIT_READY_FOR_HANDBACK);
        register(PERMIT_HANDED_BACK);
        register(PERMIT_ISOLATION_REMOVED);
        register(PERMIT_CLOSED);
        register(PERMIT_CANCELLED);
        register(PERMIT_EXPIRED);
        register(CONTRACTOR_REGISTERED);
        register(CONTRACTOR_QUALIFICATION_GRANTED);
        register(CONTRACTOR_QUALIFICATION_LAPSED);
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
