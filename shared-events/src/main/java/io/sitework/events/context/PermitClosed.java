package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.closed.v1}: a permit authority closed the permit, every isolation removed and no linked work in progress; an end state.
 */
public record PermitClosed(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String closedBy) implements PermitEvent {

    public PermitClosed {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
