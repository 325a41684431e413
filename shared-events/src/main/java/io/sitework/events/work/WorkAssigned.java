package io.sitework.events.work;

import io.sitework.events.IntegrationEvent;

import java.util.List;

/** {@code io.sitework.work.assigned.v1}: who is accountable (owner), who carries it out (assignees) and who follows it (watchers) changed. */
public record WorkAssigned(String workId, String siteId, String ownerId, List<Assignee> assignees, List<String> watchers, String assignedBy) implements IntegrationEvent {

    public WorkAssigned {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
        watchers = watchers == null ? List.of() : List.copyOf(watchers);
    }

    @Override
    public String aggregateId() {
        return workId;
    }
}
