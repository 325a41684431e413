package io.sitework.context.permit.api;

import io.sitework.support.domain.SiteScoped;

import java.time.Instant;
import java.util.List;

/**
 * The Permit aggregate's private domain events. Every one carries the permit's type and the work it
 * covers (never changed after the request), so each maps on its own to the public contract of
 * shared-events, which needs them in every permit event. People are named in the events (who
 * approved, who applied an isolation…) because the permit's rules depend on them.
 */
public final class PermitEvents {

    private PermitEvents() {
    }

    /** What every permit event says about its permit. */
    public interface PermitEvent {
        String permitId();

        String siteId();

        PermitType permitType();

        List<String> workIds();
    }

    /** @param knownWorkStatuses the statuses context-service knew of the linked work at request */
    public record PermitRequested(String permitId, String siteId, PermitType permitType, List<String> workIds, List<String> assetIds,
                                  List<String> hazards, List<String> controls, Instant validFrom, Instant validTo,
                                  List<IsolationPoint> isolations, String requestedBy, List<LinkedWork> knownWorkStatuses)
            implements PermitEvent, SiteScoped {
        public PermitRequested {
            workIds = copy(workIds);
            assetIds = copy(assetIds);
            hazards = copy(hazards);
            controls = copy(controls);
            isolations = copy(isolations);
            knownWorkStatuses = copy(knownWorkStatuses);
        }
    }

    public record PermitApproved(String permitId, String siteId, PermitType permitType, List<String> workIds, String approvedBy)
            implements PermitEvent {
        public PermitApproved {
            workIds = copy(workIds);
        }
    }

    public record PermitRejected(String permitId, String siteId, PermitType permitType, List<String> workIds, String rejectedBy,
                                 String reason) implements PermitEvent {
        public PermitRejected {
            workIds = copy(workIds);
        }
    }

    /**
     * @param status        the permit's status (APPROVED, or SUSPENDED when re-isolating)
     * @param scopeAssetIds the permit's scope: these assets and the point's own show ISOLATED
     */
    public record IsolationApplied(String permitId, String siteId, PermitType permitType, List<String> workIds, PermitStatus status,
                                   List<String> scopeAssetIds, String isolationId, String point, String method, String assetId,
                                   String appliedBy) implements PermitEvent {
        public IsolationApplied {
            workIds = copy(workIds);
            scopeAssetIds = copy(scopeAssetIds);
        }
    }

    public record IsolationVerified(String permitId, String siteId, PermitType permitType, List<String> workIds, PermitStatus status,
                                    String isolationId, String point, String method, String assetId, String verifiedBy)
            implements PermitEvent {
        public IsolationVerified {
            workIds = copy(workIds);
        }
    }

    /** @param status the permit's status (HANDED_BACK, CANCELLED or EXPIRED) */
    public record IsolationRemoved(String permitId, String siteId, PermitType permitType, List<String> workIds, PermitStatus status,
                                   List<String> scopeAssetIds, String isolationId, String point, String method, String assetId,
                                   String removedBy) implements PermitEvent {
        public IsolationRemoved {
            workIds = copy(workIds);
            scopeAssetIds = copy(scopeAssetIds);
        }
    }

    public record PermitIssued(String permitId, String siteId, PermitType permitType, List<String> workIds, String issuedBy,
                               String holderId, Instant validTo) implements PermitEvent {
        public PermitIssued {
            workIds = copy(workIds);
        }
    }

    public record PermitSuspended(String permitId, String siteId, PermitType permitType, List<String> workIds, String suspendedBy,
                                  String reason) implements PermitEvent {
        public PermitSuspended {
            workIds = copy(workIds);
        }
    }

    public record PermitResumed(String permitId, String siteId, PermitType permitType, List<String> workIds, String resumedBy)
            implements PermitEvent {
        public PermitResumed {
            workIds = copy(workIds);
        }
    }

    /** A linked work item's status changed (as work-service published it); no public counterpart. */
    public record LinkedWorkStatusRecorded(String permitId, String siteId, PermitType permitType, List<String> workIds, String workId,
                                           WorkStatus workStatus, long workSequence) implements PermitEvent {
        public LinkedWorkStatusRecorded {
            workIds = copy(workIds);
        }
    }

    /** Every linked work item is finished while the permit is ISSUED or SUSPENDED ({@code status}); raised once. */
    public record PermitReadyForHandBack(String permitId, String siteId, PermitType permitType, List<String> workIds,
                                         PermitStatus status, String holderId) implements PermitEvent {
        public PermitReadyForHandBack {
            workIds = copy(workIds);
        }
    }

    public record PermitHandedBack(String permitId, String siteId, PermitType permitType, List<String> workIds, String handedBackBy)
            implements PermitEvent {
        public PermitHandedBack {
            workIds = copy(workIds);
        }
    }

    public record PermitClosed(String permitId, String siteId, PermitType permitType, List<String> workIds, String closedBy)
            implements PermitEvent {
        public PermitClosed {
            workIds = copy(workIds);
        }
    }

    public record PermitCancelled(String permitId, String siteId, PermitType permitType, List<String> workIds, String cancelledBy,
                                  String reason) implements PermitEvent {
        public PermitCancelled {
            workIds = copy(workIds);
        }
    }

    public record PermitExpired(String permitId, String siteId, PermitType permitType, List<String> workIds, Instant validTo)
            implements PermitEvent {
        public PermitExpired {
            workIds = copy(workIds);
        }
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
