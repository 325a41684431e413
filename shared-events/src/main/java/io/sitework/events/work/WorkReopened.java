package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.reopened.v1}: done work went back in progress. */
public record WorkReopened(String workId, String siteId, String reason, String reopenedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
