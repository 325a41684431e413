package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.isolation_removed.v1}: an isolation point was removed; every point must be removed before the permit is closed.
 */
public record IsolationRemoved(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String isolationId,
        String point,
        String assetId,
        String by) implements PermitEvent {

    public IsolationRemoved {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
