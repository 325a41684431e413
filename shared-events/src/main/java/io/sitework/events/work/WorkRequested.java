package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * {@code io.sitework.work.requested.v1}: a piece of work was asked for on a site.
 *
 * @param kind     one of the work kinds of the catalogue (e.g. MAINTENANCE_CORRECTIVE, ROUND)
 * @param priority LOW, MEDIUM, HIGH or CRITICAL
 * @param ownerId  the accountable person, if named at request time
 * @param dueAt    when it is due, if known
 * @param assetIds the assets the work is about (may be empty)
 */
public record WorkRequested(
        String workId,
        String siteId,
        String kind,
        String title,
        String description,
        String priority,
        String ownerId,
        String requestedBy,
        Instant dueAt,
        List<String> assetIds) implements IntegrationEvent {

    public WorkRequested {
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
    }

    @Override
    public String aggregateId() {
        return workId;
    }
}
