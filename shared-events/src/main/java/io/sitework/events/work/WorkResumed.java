package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.resumed.v1}: paused work went back in progress. */
public record WorkResumed(String workId, String siteId, String resumedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
