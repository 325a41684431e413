package io.sitework.events.context;

import java.util.List;

/**
 * {@code io.sitework.permit.resumed.v1}: a suspended permit was re-issued (status ISSUED again); blockers it caused are resolved.
 */
public record PermitResumed(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String resumedBy) implements PermitEvent {

    public PermitResumed {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
