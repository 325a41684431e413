package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

import java.time.Instant;

/** {@code io.sitework.work.overdue.v1}: the work reached its due time without being done. */
public record WorkOverdue(String workId, String siteId, Instant dueAt, String ownerId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
