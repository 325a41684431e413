package io.sitework.work.api;

import java.time.Instant;
import java.util.List;

/**
 * What a client sees of one work item. {@code version} is the sequence number of the last event
 * applied: the value of the ETag and of If-Match.
 */
public record WorkView(
        String id,
        String siteId,
        WorkKind kind,
        String title,
        String description,
        Priority priority,
        WorkStatus status,
        String ownerId,
        Instant dueAt,
        List<String> assetIds,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        String startedBy,
        Instant completedAt,
        String completedBy,
        String outcome,
        Instant updatedAt,
        long version) {

    public WorkView {
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
    }
}
