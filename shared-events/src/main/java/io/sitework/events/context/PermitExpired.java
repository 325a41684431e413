package io.sitework.events.context;

import java.time.Instant;
import java.util.List;

/**
 * {@code io.sitework.permit.expired.v1}: the validity window passed before hand-back; an end state (an expired permit is never resumed).
 */
public record PermitExpired(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        Instant validTo) implements PermitEvent {

    public PermitExpired {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
