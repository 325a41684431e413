package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.ready_for_handback.v1}: all work under an issued or suspended permit is done: the holder can hand the permit back.
 */
public record PermitReadyForHandBack(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String holderId) implements PermitEvent {

    public PermitReadyForHandBack {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
