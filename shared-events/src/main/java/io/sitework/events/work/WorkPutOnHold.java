package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.put_on_hold.v1}: work in progress was paused. */
public record WorkPutOnHold(String workId, String siteId, String reason, String heldBy) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
