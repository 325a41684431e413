package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.rejected.v1}: a request was turned down (an end state). */
public record WorkRejected(String workId, String siteId, String reason, String rejectedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
