package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.isolation_verified.v1}: an applied isolation point was verified (tested dead, locked); every point must be verified before issue.
 */
public record IsolationVerified(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String isolationId,
        String point,
        String assetId,
        String by) implements PermitEvent {

    public IsolationVerified {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
