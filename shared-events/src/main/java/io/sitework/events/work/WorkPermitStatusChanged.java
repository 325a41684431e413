package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.work.permit_status_changed.v1}: a permit linked to this work changed status
 * (e.g. SUSPENDED, which blocks the work, or ISSUED again, which clears that blocker).
 */
public record WorkPermitStatusChanged(String workId, String siteId, String permitId, String permitType,
                                      String previousStatus, String permitStatus) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
