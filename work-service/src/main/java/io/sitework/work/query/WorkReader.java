package io.sitework.work.query;

import io.sitework.support.axon.EventContext;
import io.sitework.support.domain.NotFoundException;
import io.sitework.work.api.WorkView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Reads one work item straight from the event store: always consistent with the last command
 * (read-your-writes, exact ETag) and able to answer "as of" any past instant. It folds from the
 * first event, never from a snapshot (snapshots hold the aggregate's decision state, not the view).
 */
@Component
public class WorkReader {

    private final EventStore eventStore;
    private final Clock clock;

    public WorkReader(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public WorkView get(String workId) {
        return asOf(workId, null);
    }

    /** The work as it was at {@code asOf} (inclusive), or now when {@code asOf} is null. */
    public WorkView asOf(String workId, Instant asOf) {
        WorkDocument state = fold(workId, asOf);
        if (state.id == null) {
            throw new NotFoundException(asOf == null ? "No work with id " + workId : "Work " + workId + " did not exist at " + asOf);
        }
        return state.toView(asOf == null ? clock.instant() : asOf);
    }

    public boolean exists(String workId) {
        return eventStore.readEvents(workId, 0).hasNext();
    }

    WorkDocument fold(String workId, Instant asOf) {
        WorkDocument state = new WorkDocument();
        DomainEventStream events = eventStore.readEvents(workId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            WorkFold.apply(state, event.getPayload(), EventContext.of(event, event.getSequenceNumber()));
        }
        return state;
    }
}
