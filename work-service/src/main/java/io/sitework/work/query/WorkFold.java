package io.sitework.work.query;

import io.sitework.support.axon.EventContext;
import io.sitework.work.api.Assignee;
import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.WorkEvents.BlockerRaised;
import io.sitework.work.api.WorkEvents.BlockerResolved;
import io.sitework.work.api.WorkEvents.ChecklistItemRecorded;
import io.sitework.work.api.WorkEvents.CommentAdded;
import io.sitework.work.api.WorkEvents.DueDateChanged;
import io.sitework.work.api.WorkEvents.PermitLinked;
import io.sitework.work.api.WorkEvents.PermitStatusChanged;
import io.sitework.work.api.WorkEvents.WorkAssigned;
import io.sitework.work.api.WorkEvents.WorkCancelled;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkOverdue;
import io.sitework.work.api.WorkEvents.WorkPlanned;
import io.sitework.work.api.WorkEvents.WorkPutOnHold;
import io.sitework.work.api.WorkEvents.WorkRejected;
import io.sitework.work.api.WorkEvents.WorkReopened;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkResumed;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one definition of what a work item looks like after its events. The read-model projection,
 * single-item reads from the event store, as-of reads and the property tests all use it, so they
 * cannot disagree.
 */
public final class WorkFold {

    private WorkFold() {
    }

    /**
     * Applies one event to {@code state} in place. Events at or below the state's version were
     * applied already and are ignored: applying a redelivered event changes nothing.
     *
     * @return true if the event changed the state
     */
    public static boolean apply(WorkDocument state, Object event, EventContext ctx) {
        if (ctx.sequence() <= state.version) {
            return false;
        }
        if (event instanceof WorkRequested e) {
            requested(state, e, ctx);
        } else if (event instanceof WorkPlanned e) {
            state.status = WorkStatus.PLANNED;
            state.plannedStart = e.plannedStart();
            state.plannedEnd = e.plannedEnd();
            if (!e.assignees().isEmpty()) {
                setAssignees(state, e.assignees());
            }
            state.plannedBy = ctx.actor();
            state.plannedAt = ctx.recordedAt();
        } else if (event instanceof DueDateChanged e) {
            state.dueAt = e.dueAt();
            state.overdueAt = null;
        } else if (event instanceof WorkAssigned e) {
            state.ownerId = e.ownerId();
            setAssignees(state, e.assignees());
            state.watchers = new ArrayList<>(e.watchers());
        } else if (event instanceof WorkStarted e) {
            state.status = WorkStatus.IN_PROGRESS;
            state.startedBy = ctx.actor();
            state.startedAt = ctx.recordedAt();
        } else if (event instanceof WorkPutOnHold e) {
            state.status = WorkStatus.ON_HOLD;
            state.heldBy = ctx.actor();
            state.heldAt = ctx.recordedAt();
            state.holdReason = e.reason();
        } else if (event instanceof WorkResumed e) {
            state.status = WorkStatus.IN_PROGRESS;
            state.holdReason = null;
        } else if (event instanceof WorkCompleted e) {
            state.status = WorkStatus.DONE;
            state.completedBy = ctx.actor();
            state.completedAt = ctx.recordedAt();
            state.outcome = e.outcome();
        } else if (event instanceof WorkClosed e) {
            state.status = WorkStatus.CLOSED;
            state.closedBy = ctx.actor();
            state.closedAt = ctx.recordedAt();
            state.closedWithOverride = e.override();
            state.overrideReason = e.overrideReason();
        } else if (event instanceof WorkReopened e) {
            state.status = WorkStatus.IN_PROGRESS;
            state.reopenedBy = ctx.actor();
            state.reopenedAt = ctx.recordedAt();
            state.reopenReason = e.reason();
            state.reopenCount++;
        } else if (event instanceof WorkRejected e) {
            ended(state, WorkStatus.REJECTED, e.reason(), ctx);
        } else if (event instanceof WorkCancelled e) {
            ended(state, WorkStatus.CANCELLED, e.reason(), ctx);
        } else if (event instanceof BlockerRaised e) {
            WorkDocument.Blocker blocker = new WorkDocument.Blocker();
            blocker.id = e.blockerId();
            blocker.type = e.type();
            blocker.reason = e.reason();
            blocker.reference = e.reference();
            blocker.automatic = e.automatic();
            blocker.raisedBy = ctx.actor();
            blocker.raisedAt = ctx.recordedAt();
            state.blockers.add(blocker);
            refreshBlocked(state);
        } else if (event instanceof BlockerResolved e) {
            state.blockers.stream().filter(b -> b.id.equals(e.blockerId())).findFirst().ifPresent(b -> {
                b.resolvedBy = ctx.actor();
                b.resolvedAt = ctx.recordedAt();
                b.note = e.note();
            });
            refreshBlocked(state);
        } else if (event instanceof ChecklistItemRecorded e) {
            state.checklist.stream().filter(c -> c.itemId.equals(e.itemId())).findFirst().ifPresent(c -> {
            c.value = e.value();
            c.result = e.result();
            c.note = e.note();
            c.recordedBy = ctx.actor();
            c.recordedAt = ctx.recordedAt();
            });
        } else if (event instanceof CommentAdded e) {
            WorkDocument.Comment comment = new WorkDocument.Comment();
            comment.id = e.commentId();
            comment.text = e.text();
            comment.author = ctx.actor();
            comment.at = ctx.recordedAt();
            state.comments.add(comment);
        } else if (event instanceof PermitLinked e) {
            WorkDocument.LinkedPermit permit = new WorkDocument.LinkedPermit();
            permit.permitId = e.permitId();
            permit.type = e.permitType();
            permit.status = e.status();
            permit.linkedAt = ctx.recordedAt();
            permit.statusSince = ctx.recordedAt();
            state.permits.add(permit);
            state.permitIds.add(e.permitId());
        } else if (event instanceof PermitStatusChanged e) {
            state.permits.stream().filter(p -> p.permitId.equals(e.permitId())).findFirst().ifPresent(p -> {
                p.status = e.status();
                p.statusSince = ctx.recordedAt();
            });
        } else if (event instanceof WorkOverdue e) {
            state.overdueAt = ctx.recordedAt();
        }
        // any other event (one this version does not show) only moves the version
        state.updatedAt = ctx.recordedAt();
        state.version = ctx.sequence();
        return true;
    }

    private static void requested(WorkDocument state, WorkRequested e, EventContext ctx) {
        state.id = e.workId();
        state.siteId = e.siteId();
        state.kind = e.kind();
        state.title = e.title();
        state.description = e.description();
        state.priority = e.priority();
        state.status = WorkStatus.REQUESTED;
        state.ownerId = e.ownerId();
        state.dueAt = e.dueAt();
        state.plannedStart = e.plannedStart();
        state.plannedEnd = e.plannedEnd();
        state.assetIds = new ArrayList<>(e.assetIds());
        state.requiredPermitTypes = new ArrayList<>(e.requiredPermitTypes());
        state.dependsOn = new ArrayList<>(e.dependsOn());
        state.contractorId = e.contractorId();
        state.documents = new ArrayList<>(e.documents());
        state.originWorkId = e.originWorkId();
        state.watchers = new ArrayList<>(e.watchers());
        state.checklist = new ArrayList<>();
        for (ChecklistItemSpec spec : e.checklist()) {
            WorkDocument.ChecklistEntry entry = new WorkDocument.ChecklistEntry();
            entry.itemId = spec.itemId();
            entry.label = spec.label();
            entry.type = spec.type();
            entry.mandatory = spec.mandatory();
            entry.unit = spec.unit();
            entry.min = spec.min();
            entry.max = spec.max();
            entry.options = new ArrayList<>(spec.options());
            entry.failingOptions = new ArrayList<>(spec.failingOptions());
            entry.raiseFinding = spec.raiseFinding();
            state.checklist.add(entry);
        }
        state.searchText = (e.title() + " " + Objects.requireNonNullElse(e.description(), "")).toLowerCase(Locale.ROOT);
        state.requestedBy = ctx.actor();
        state.requestedAt = ctx.recordedAt();
    }

    private static void ended(WorkDocument state, WorkStatus status, String reason, EventContext ctx) {
        state.status = status;
        state.endedBy = ctx.actor();
        state.endedAt = ctx.recordedAt();
        state.endReason = reason;
    }

    private static void setAssignees(WorkDocument state, List<Assignee> assignees) {
        state.assignees = new ArrayList<>(assignees);
        state.assigneeIds = new ArrayList<>(assignees.stream().map(Assignee::id).distinct().toList());
    }

    private static void refreshBlocked(WorkDocument state) {
        List<WorkDocument.Blocker> open = state.blockers.stream().filter(WorkDocument.Blocker::open).toList();
        state.blocked = !open.isEmpty();
        state.openBlockerTypes = new ArrayList<>(open.stream().map(b -> b.type).distinct().toList());
        state.blockedSince = open.stream().map(b -> b.raisedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
