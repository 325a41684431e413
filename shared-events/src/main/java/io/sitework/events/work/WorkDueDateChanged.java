package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

import java.time.Instant;

/** {@code io.sitework.work.due_date_changed.v1}: the work's due date moved. */
public record WorkDueDateChanged(String workId, String siteId, Instant dueAt, String changedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
