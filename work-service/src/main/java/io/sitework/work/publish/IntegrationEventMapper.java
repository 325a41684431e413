package io.sitework.work.publish;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.work.Assignee;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.WorkEvents;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Optional;

/**
 * Translates work-service's private domain events into the public integration events of
 * shared-events. The CloudEvent id is the domain event's id, so re-publication is recognisable.
 */
public final class IntegrationEventMapper {

    private IntegrationEventMapper() {
    }

    public static Optional<CloudEvent> toCloudEvent(EventMessage<?> message, long sequence) {
        String actor = CommandMetadata.actor(message.getMetaData());
        return Optional.ofNullable(data(message.getPayload(), actor))
                .map(data -> envelope(EventCatalog.typeOf(data), message, sequence, actor, data));
    }

    @SuppressWarnings("unchecked")
    private static <T extends IntegrationEvent> CloudEvent envelope(EventType<T> type, EventMessage<?> message, long sequence,
                                                                    String actor, IntegrationEvent data) {
        return CloudEvent.of(type, message.getIdentifier(), message.getTimestamp(), sequence,
                CommandMetadata.correlationId(message.getMetaData()), actor, (T) data);
    }

    static IntegrationEvent data(Object payload, String actor) {
        if (payload instanceof WorkEvents.WorkRequested e) {
            return new io.sitework.events.work.WorkRequested(e.workId(), e.siteId(), e.kind().name(), e.title(), e.description(),
                    e.priority().name(), e.ownerId(), actor, e.dueAt(), e.assetIds(),
                    e.requiredPermitTypes().stream().map(Enum::name).toList(), e.dependsOn(), e.contractorId(), e.originWorkId(),
                    e.plannedStart(), e.plannedEnd());
        }
        if (payload instanceof WorkEvents.WorkPlanned e) {
            return new io.sitework.events.work.WorkPlanned(e.workId(), e.siteId(), e.plannedStart(), e.plannedEnd(),
                    assignees(e.assignees()), actor);
        }
        if (payload instanceof WorkEvents.DueDateChanged e) {
            return new io.sitework.events.work.WorkDueDateChanged(e.workId(), e.siteId(), e.dueAt(), actor);
        }
        if (payload instanceof WorkEvents.WorkAssigned e) {
            return new io.sitework.events.work.WorkAssigned(e.workId(), e.siteId(), e.ownerId(), assignees(e.assignees()), e.watchers(), actor);
        }
        if (payload instanceof WorkEvents.WorkStarted e) {
            return new io.sitework.events.work.WorkStarted(e.workId(), e.siteId(), actor);
        }
        if (payload instanceof WorkEvents.WorkPutOnHold e) {
            return new io.sitework.events.work.WorkPutOnHold(e.workId(), e.siteId(), e.reason(), actor);
        }
        if (payload instanceof WorkEvents.WorkResumed e) {
            return new io.sitework.events.work.WorkResumed(e.workId(), e.siteId(), actor);
        }
        if (payload instanceof WorkEvents.WorkCompleted e) {
            return new io.sitework.events.work.WorkCompleted(e.workId(), e.siteId(), actor, e.outcome());
        }
        if (payload instanceof WorkEvents.WorkClosed e) {
            return new io.sitework.events.work.WorkClosed(e.workId(), e.siteId(), actor, e.override(), e.overrideReason());
        }
        if (payload instanceof WorkEvents.WorkReopened e) {
            return new io.sitework.events.work.WorkReopened(e.workId(), e.siteId(), e.reason(), actor);
        }
        if (payload instanceof WorkEvents.WorkRejected e) {
            return new io.sitework.events.work.WorkRejected(e.workId(), e.siteId(), e.reason(), actor);
        }
        if (payload instanceof WorkEvents.WorkCancelled e) {
            return new io.sitework.events.work.WorkCancelled(e.workId(), e.siteId(), e.reason(), actor);
        }
        if (payload instanceof WorkEvents.BlockerRaised e) {
            return new io.sitework.events.work.BlockerRaised(e.workId(), e.siteId(), e.blockerId(), e.type().name(), e.reason(),
                    e.reference(), actor, e.automatic());
        }
        if (payload instanceof WorkEvents.BlockerResolved e) {
            return new io.sitework.events.work.BlockerResolved(e.workId(), e.siteId(), e.blockerId(), e.type().name(), e.note(), actor,
                    e.automatic());
        }
        if (payload instanceof WorkEvents.ChecklistItemRecorded e) {
            return new io.sitework.events.work.ChecklistItemRecorded(e.workId(), e.siteId(), e.itemId(), e.label(), e.value(), e.unit(),
                    e.result().name(), e.note(), actor);
        }
        if (payload instanceof WorkEvents.CommentAdded e) {
            return new io.sitework.events.work.CommentAdded(e.workId(), e.siteId(), e.commentId(), e.text(), actor);
        }
        if (payload instanceof WorkEvents.PermitLinked e) {
            return new io.sitework.events.work.WorkPermitLinked(e.workId(), e.siteId(), e.permitId(), e.permitType().name(), e.status());
        }
        if (payload instanceof WorkEvents.PermitStatusChanged e) {
            return new io.sitework.events.work.WorkPermitStatusChanged(e.workId(), e.siteId(), e.permitId(), e.permitType().name(),
                    e.previousStatus(), e.status());
        }
        if (payload instanceof WorkEvents.WorkOverdue e) {
            return new io.sitework.events.work.WorkOverdue(e.workId(), e.siteId(), e.dueAt(), e.ownerId());
        }
        return null;
    }

    private static List<Assignee> assignees(List<io.sitework.work.api.Assignee> assignees) {
        return assignees.stream().map(a -> new Assignee(a.type().name(), a.id())).toList();
    }
}
