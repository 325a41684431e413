package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.isolation_applied.v1}: an isolation point of the permit was applied; its asset, if any, shows ISOLATED while any isolation on it is applied.
 */
public record IsolationApplied(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String isolationId,
        String point,
        String assetId,
        String by) implements PermitEvent {

    public IsolationApplied {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
