package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.cancelled.v1}: the work will not be done (an end state). */
public record WorkCancelled(String workId, String siteId, String reason, String cancelledBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
