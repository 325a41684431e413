package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.rejected.v1}: the permit was refused; an end state.
 */
public record PermitRejected(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String rejectedBy,
        String reason) implements PermitEvent {

    public PermitRejected {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
