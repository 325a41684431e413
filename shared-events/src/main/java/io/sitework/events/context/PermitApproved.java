package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.approved.v1}: a permit authority (never the requester) approved the permit; isolations can now be applied.
 */
public record PermitApproved(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String approvedBy) implements PermitEvent {

    public PermitApproved {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
