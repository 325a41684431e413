package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/** {@code io.sitework.work.planned.v1}: the work was planned: when it should happen and who carries it out. */
public record WorkPlanned(String workId, String siteId, Instant plannedStart, Instant plannedEnd, List<Assignee> assignees, String plannedBy) implements IntegrationEvent {

    public WorkPlanned {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    @Override
    public String aggregateId() {
        return workId;
    }
}
