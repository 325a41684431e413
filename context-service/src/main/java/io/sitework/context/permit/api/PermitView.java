package io.sitework.context.permit.api;

import java.time.Instant;
import java.util.List;

/**
 * A permit as the API shows it.
 *
 * @param requestedBy     who asked for the permit (the performing side)
 * @param approvedBy      the permit authority who approved it
 * @param issuedBy        the permit authority who issued it
 * @param holderId        who holds it while work is done under it
 * @param readyForHandBack every linked work item is finished: the holder can hand the permit back
 */
public record PermitView(
        String id,
        String siteId,
        PermitType type,
        PermitStatus status,
        List<String> workIds,
        List<String> assetIds,
        List<String> hazards,
        List<String> controls,
        Instant validFrom,
        Instant validTo,
        List<IsolationView> isolations,
        List<LinkedWorkView> linkedWork,
        String requestedBy,
        String approvedBy,
        String issuedBy,
        String holderId,
        boolean readyForHandBack,
        Transitions transitions,
        Instant updatedAt,
        long version) {

    public record IsolationView(String isolationId, String point, String method, String assetId, IsolationState state,
                                String appliedBy, Instant appliedAt, String verifiedBy, Instant verifiedAt, String removedBy,
                                Instant removedAt) {
    }

    /** @param status the last status context-service learnt, or null while it knows nothing of the work */
    public record LinkedWorkView(String workId, WorkStatus status) {
    }

    public record Transitions(Instant requestedAt, Instant approvedAt, String rejectedBy, Instant rejectedAt, String rejectReason,
                              Instant issuedAt, String suspendedBy, Instant suspendedAt, String suspendReason, String resumedBy,
                              Instant resumedAt, Instant readyForHandBackAt, String handedBackBy, Instant handedBackAt,
                              String closedBy, Instant closedAt, String cancelledBy, Instant cancelledAt, String cancelReason,
                              Instant expiredAt) {
    }
}
