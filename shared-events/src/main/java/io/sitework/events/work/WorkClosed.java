package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.closed.v1}: done work was verified and closed; {@code override} is true when a supervisor closed it despite missing evidence, with the reason. */
public record WorkClosed(String workId, String siteId, String closedBy, boolean override, String overrideReason) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
