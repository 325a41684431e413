package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.cancelled.v1}: the permit was withdrawn before hand-back; an end state.
 */
public record PermitCancelled(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String cancelledBy,
        String reason) implements PermitEvent {

    public PermitCancelled {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
