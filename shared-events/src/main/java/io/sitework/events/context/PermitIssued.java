package io.sitework.events.context;

import java.time.Instant;
import java.util.List;

/**
 * {@code io.sitework.permit.issued.v1}: a permit authority issued the permit to its holder, every isolation verified; work under it may start.
 */
public record PermitIssued(
        String permitId,
        String siteId,
        String permitType,
        String status,
        List<String> workIds,
        String issuedBy,
        String holderId,
        Instant validTo) implements PermitEvent {

    public PermitIssued {
        workIds = workIds == null ? List.of() : List.copyOf(workIds);
    }
}
