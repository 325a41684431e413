package io.sitework.context.publish;

import io.sitework.context.permit.api.IsolationPoint;
import io.sitework.context.permit.api.PermitEvents;
import io.sitework.context.permit.api.PermitStatus;
import io.sitework.events.IntegrationEvent;
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


/**
 * The permit's private events as the public records of {@code io.sitework.events.context}: each carries
 * the permit type, the status after the event and the work the permit covers. A linked work status
 * (context-service's own bookkeeping) is not published.
 */
final class PermitEventMapper {

    private PermitEventMapper() {
    }

    static IntegrationEvent data(Object payload) {
        if (payload instanceof PermitEvents.PermitRequested e) {
            return new PermitRequested(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.REQUESTED.name(), e.workIds(),
                    e.assetIds(), e.hazards(), e.controls(), e.validFrom(), e.validTo(),
                    e.isolations().stream().map(PermitEventMapper::point).toList(), e.requestedBy());
        }
        if (payload instanceof PermitEvents.PermitApproved e) {
            return new PermitApproved(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.APPROVED.name(), e.workIds(),
                    e.approvedBy());
        }
        if (payload instanceof PermitEvents.PermitRejected e) {
            return new PermitRejected(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.REJECTED.name(), e.workIds(),
                    e.rejectedBy(), e.reason());
        }
        if (payload instanceof PermitEvents.IsolationApplied e) {
            return new IsolationApplied(e.permitId(), e.siteId(), e.permitType().name(), e.status().name(), e.workIds(), e.isolationId(),
                    e.point(), e.assetId(), e.appliedBy());
        }
        if (payload instanceof PermitEvents.IsolationVerified e) {
            return new IsolationVerified(e.permitId(), e.siteId(), e.permitType().name(), e.status().name(), e.workIds(), e.isolationId(),
                    e.point(), e.assetId(), e.verifiedBy());
        }
        if (payload instanceof PermitEvents.IsolationRemoved e) {
            return new IsolationRemoved(e.permitId(), e.siteId(), e.permitType().name(), e.status().name(), e.workIds(), e.isolationId(),
                    e.point(), e.assetId(), e.removedBy());
        }
        if (payload instanceof PermitEvents.PermitIssued e) {
            return new PermitIssued(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.ISSUED.name(), e.workIds(), e.issuedBy(),
                    e.holderId(), e.validTo());
        }
        if (payload instanceof PermitEvents.PermitSuspended e) {
            return new PermitSuspended(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.SUSPENDED.name(), e.workIds(),
                    e.suspendedBy(), e.reason());
        }
        if (payload instanceof PermitEvents.PermitResumed e) {
            return new PermitResumed(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.ISSUED.name(), e.workIds(),
                    e.resumedBy());
        }
        if (payload instanceof PermitEvents.PermitReadyForHandBack e) {
            return new PermitReadyForHandBack(e.permitId(), e.siteId(), e.permitType().name(), e.status().name(), e.workIds(),
                    e.holderId());
        }
        if (payload instanceof PermitEvents.PermitHandedBack e) {
            return new PermitHandedBack(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.HANDED_BACK.name(), e.workIds(),
                    e.handedBackBy());
        }
        if (payload instanceof PermitEvents.PermitClosed e) {
            return new PermitClosed(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.CLOSED.name(), e.workIds(), e.closedBy());
        }
        if (payload instanceof PermitEvents.PermitCancelled e) {
            return new PermitCancelled(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.CANCELLED.name(), e.workIds(),
                    e.cancelledBy(), e.reason());
        }
        if (payload instanceof PermitEvents.PermitExpired e) {
            return new PermitExpired(e.permitId(), e.siteId(), e.permitType().name(), PermitStatus.EXPIRED.name(), e.workIds(),
                    e.validTo());
        }
        return null;
    }

    private static io.sitework.events.context.IsolationPoint point(IsolationPoint p) {
        return new io.sitework.events.context.IsolationPoint(p.isolationId(), p.point(), p.method(), p.assetId());
    }
}
