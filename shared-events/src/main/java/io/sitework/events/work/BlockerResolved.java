package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/** {@code io.sitework.work.blocker_resolved.v1}: a blocker no longer blocks the work. */
public record BlockerResolved(String workId, String siteId, String blockerId, String type, String note, String resolvedBy, boolean automatic) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
