package io.sitework.work.schedule.api;

import io.sitework.work.api.ChecklistItemSpec;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkKind;

import java.time.Instant;
import java.util.List;

/**
 * What a client sees of a schedule. {@code version} is the sequence number of its last event (the
 * ETag). {@code template.duration} is an ISO-8601 duration ({@code PT2H}).
 */
public record ScheduleView(
        String id,
        String siteId,
        String timeZone,
        Recurrence recurrence,
        Template template,
        boolean active,
        Instant nextOccurrence,
        Instant lastOccurrence,
        String lastWorkId,
        long occurrences,
        String createdBy,
        Instant createdAt,
        String pausedBy,
        Instant pausedAt,
        String resumedBy,
        Instant resumedAt,
        Instant updatedAt,
        long version) {

    public record Template(WorkKind kind, String title, String description, Priority priority, String ownerId,
                           List<String> assetIds, List<ChecklistItemSpec> checklist, String duration) {
    }
}
