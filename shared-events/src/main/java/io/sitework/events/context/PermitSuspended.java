package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.suspended.v1}: work under the permit must stop (e.g. a gas alarm); linked in-progress work becomes blocked.
 */
public record PermitSuspended(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String suspendedBy,
        String reason) implements PermitEvent {

    public PermitSuspended {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
