package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.work.permit_linked.v1}: a permit to work now covers this work (work-service
 * learnt it from the permit's own events on {@code sitework.context.v1}).
 *
 * @param permitType   GENERAL, HOT_WORK, …
 * @param permitStatus the permit's status as work-service knows it
 */
public record WorkPermitLinked(String workId, String siteId, String permitId, String permitType, String permitStatus)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
