package io.sitework.work.query;

import io.sitework.support.axon.EventContext;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkStarted;
import io.sitework.work.api.WorkStatus;

/**
 * The one definition of what a work item looks like after its events. The read-model projection
 * and single-item reads from the event store (including as-of reads) both use it, so the two
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
        if (ctx.sequence() <= state.getVersion()) {
            return false;
        }
        if (event instanceof WorkRequested e) {
            state.setId(e.workId());
            state.setSiteId(e.siteId());
            state.setKind(e.kind());
            state.setTitle(e.title());
            state.setDescription(e.description());
            state.setPriority(e.priority());
            state.setStatus(WorkStatus.REQUESTED);
            state.setOwnerId(e.ownerId());
            state.setDueAt(e.dueAt());
            state.setAssetIds(e.assetIds());
            state.setRequestedBy(ctx.actor());
            state.setRequestedAt(ctx.recordedAt());
        } else if (event instanceof WorkStarted) {
            state.setStatus(WorkStatus.IN_PROGRESS);
            state.setStartedAt(ctx.recordedAt());
            state.setStartedBy(ctx.actor());
        } else if (event instanceof WorkCompleted e) {
            state.setStatus(WorkStatus.DONE);
            state.setCompletedAt(ctx.recordedAt());
            state.setCompletedBy(ctx.actor());
            state.setOutcome(e.outcome());
        }
        state.setUpdatedAt(ctx.recordedAt());
        state.setVersion(ctx.sequence());
        return true;
    }
}
