package io.sitework.context.permit.query;

import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.IsolationState;
import io.sitework.context.permit.api.LinkedWork;
import io.sitework.context.permit.api.PermitEvents.IsolationApplied;
import io.sitework.context.permit.api.PermitEvents.IsolationRemoved;
import io.sitework.context.permit.api.PermitEvents.IsolationVerified;
import io.sitework.context.permit.api.PermitEvents.LinkedWorkStatusRecorded;
import io.sitework.context.permit.api.PermitEvents.PermitApproved;
import io.sitework.context.permit.api.PermitEvents.PermitCancelled;
import io.sitework.context.permit.api.PermitEvents.PermitClosed;
import io.sitework.context.permit.api.PermitEvents.PermitExpired;
import io.sitework.context.permit.api.PermitEvents.PermitHandedBack;
import io.sitework.context.permit.api.PermitEvents.PermitIssued;
import io.sitework.context.permit.api.PermitEvents.PermitReadyForHandBack;
import io.sitework.context.permit.api.PermitEvents.PermitRejected;
import io.sitework.context.permit.api.PermitEvents.PermitRequested;
import io.sitework.context.permit.api.PermitEvents.PermitResumed;
import io.sitework.context.permit.api.PermitEvents.PermitSuspended;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.support.axon.EventContext;

import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;

/** What a permit looks like after its events; shared by the permits projection and event-store reads. */
public final class PermitFold {

    private PermitFold() {
    }

    /** Applies one event in place; events at or below the state's version are ignored. Returns true if it changed. */
    public static boolean apply(PermitDocument state, Object event, EventContext ctx) {
        if (ctx.sequence() <= state.version) {
            return false;
        }
        if (event instanceof PermitRequested e) {
            requested(state, e, ctx);
        } else if (event instanceof PermitApproved e) {
            state.status = PermitStatus.APPROVED;
            state.approvedBy = e.approvedBy();
            state.approvedAt = ctx.recordedAt();
        } else if (event instanceof PermitRejected e) {
            state.status = PermitStatus.REJECTED;
            state.rejectedBy = e.rejectedBy();
            state.rejectedAt = ctx.recordedAt();
            state.rejectReason = e.reason();
        } else if (event instanceof IsolationApplied e) {
            isolation(state, e.isolationId()).ifPresent(i -> {
                i.state = IsolationState.APPLIED;
                i.appliedBy = e.appliedBy();
                i.appliedAt = ctx.recordedAt();
            });
        } else if (event instanceof IsolationVerified e) {
            isolation(state, e.isolationId()).ifPresent(i -> {
                i.state = IsolationState.VERIFIED;
                i.verifiedBy = e.verifiedBy();
                i.verifiedAt = ctx.recordedAt();
            });
        } else if (event instanceof IsolationRemoved e) {
            isolation(state, e.isolationId()).ifPresent(i -> {
                i.state = IsolationState.REMOVED;
                i.removedBy = e.removedBy();
                i.removedAt = ctx.recordedAt();
            });
        } else if (event instanceof PermitIssued e) {
            state.status = PermitStatus.ISSUED;
            state.issuedBy = e.issuedBy();
            state.issuedAt = ctx.recordedAt();
            state.holderId = e.holderId();
        } else if (event instanceof PermitSuspended e) {
            state.status = PermitStatus.SUSPENDED;
            state.suspendedBy = e.suspendedBy();
            state.suspendedAt = ctx.recordedAt();
            state.suspendReason = e.reason();
        } else if (event instanceof PermitResumed e) {
            state.status = PermitStatus.ISSUED;
            state.resumedBy = e.resumedBy();
            state.resumedAt = ctx.recordedAt();
        } else if (event instanceof LinkedWorkStatusRecorded e) {
            work(state, new LinkedWork(e.workId(), e.workStatus(), e.workSequence()));
        } else if (event instanceof PermitReadyForHandBack) {
            state.readyForHandBackAt = ctx.recordedAt();
        } else if (event instanceof PermitHandedBack e) {
            state.status = PermitStatus.HANDED_BACK;
            state.handedBackBy = e.handedBackBy();
            state.handedBackAt = ctx.recordedAt();
        } else if (event instanceof PermitClosed e) {
            state.status = PermitStatus.CLOSED;
            state.closedBy = e.closedBy();
            state.closedAt = ctx.recordedAt();
        } else if (event instanceof PermitCancelled e) {
            state.status = PermitStatus.CANCELLED;
            state.cancelledBy = e.cancelledBy();
            state.cancelledAt = ctx.recordedAt();
            state.cancelReason = e.reason();
        } else if (event instanceof PermitExpired) {
            state.status = PermitStatus.EXPIRED;
            state.expiredAt = ctx.recordedAt();
        }
        state.isolatedAssetIds = state.isolations.stream().filter(i -> i.state.inPlace()).map(i -> i.assetId)
                .filter(Objects::nonNull).distinct().toList();
        state.updatedAt = ctx.recordedAt();
        state.version = ctx.sequence();
        return true;
    }

    private static void requested(PermitDocument state, PermitRequested e, EventContext ctx) {
        state.id = e.permitId();
        state.siteId = e.siteId();
        state.type = e.permitType();
        state.status = PermitStatus.REQUESTED;
        state.workIds = new ArrayList<>(e.workIds());
        state.assetIds = new ArrayList<>(e.assetIds());
        state.hazards = new ArrayList<>(e.hazards());
        state.controls = new ArrayList<>(e.controls());
        state.validFrom = e.validFrom();
        state.validTo = e.validTo();
        state.requestedBy = e.requestedBy();
        state.requestedAt = ctx.recordedAt();
        state.isolations = new ArrayList<>();
        for (IsolationPoint p : e.isolations()) {
            PermitDocument.Isolation i = new PermitDocument.Isolation();
            i.isolationId = p.isolationId();
            i.point = p.point();
            i.method = p.method();
            i.assetId = p.assetId();
            i.state = IsolationState.PLANNED;
            state.isolations.add(i);
        }
        state.linkedWork = new ArrayList<>();
        for (String workId : e.workIds()) {
            PermitDocument.Work w = new PermitDocument.Work();
            w.workId = workId;
            state.linkedWork.add(w);
        }
        e.knownWorkStatuses().forEach(w -> work(state, w));
    }

    private static Optional<PermitDocument.Isolation> isolation(PermitDocument state, String isolationId) {
        return state.isolations.stream().filter(i -> i.isolationId.equals(isolationId)).findFirst();
    }

    private static void work(PermitDocument state, LinkedWork known) {
        state.linkedWork.stream().filter(w -> w.workId.equals(known.workId())).findFirst().ifPresent(w -> {
            w.status = known.status();
            w.sequence = known.sequence();
        });
    }
}
