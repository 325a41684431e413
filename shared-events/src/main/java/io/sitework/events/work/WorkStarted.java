package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.started.v1}: someone started executing the work. */
public record WorkStarted(String workId, String siteId, String startedBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
