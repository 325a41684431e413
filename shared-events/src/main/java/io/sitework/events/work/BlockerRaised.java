package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.blocker_raised.v1}: something now blocks the work; {@code automatic} when Sitework raised it (a permit, a predecessor). */
public record BlockerRaised(String workId, String siteId, String blockerId, String type, String reason, String reference, String raisedBy, boolean automatic) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
