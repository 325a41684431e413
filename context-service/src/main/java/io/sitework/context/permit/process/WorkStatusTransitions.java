package io.sitework.context.permit.process;

import io.sitework.context.permit.api.WorkStatus;
import io.sitework.events.EventCatalog;

import java.util.Map;
import java.util.Optional;

/** The status a work item has after each of work-service's lifecycle events; other work events change no status. */
public final class WorkStatusTransitions {

    private static final Map<String, WorkStatus> AFTER = Map.of(
            EventCatalog.WORK_REQUESTED.type(), WorkStatus.REQUESTED,
            EventCatalog.WORK_PLANNED.type(), WorkStatus.PLANNED,
            EventCatalog.WORK_STARTED.type(), WorkStatus.IN_PROGRESS,
            EventCatalog.WORK_PUT_ON_HOLD.type(), WorkStatus.ON_HOLD,
            EventCatalog.WORK_RESUMED.type(), WorkStatus.IN_PROGRESS,
            EventCatalog.WORK_COMPLETED.type(), WorkStatus.DONE,
            EventCatalog.WORK_CLOSED.type(), WorkStatus.CLOSED,
            EventCatalog.WORK_REOPENED.type(), WorkStatus.IN_PROGRESS,
            EventCatalog.WORK_REJECTED.type(), WorkStatus.REJECTED,
            EventCatalog.WORK_CANCELLED.type(), WorkStatus.CANCELLED);

    private WorkStatusTransitions() {
    }

    public static Optional<WorkStatus> statusAfter(String eventType) {
        return Optional.ofNullable(AFTER.get(eventType));
    }
}
