package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

/**
 * {@code io.sitework.work.completed.v1}: the work was done (it still awaits verification before it is closed).
 *
 * @param outcome free text describing what was done, if given
 */
public record WorkCompleted(String workId, String siteId, String completedBy, String outcome) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return workId;
    }
}
