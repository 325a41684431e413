package io.sitework.work.schedule.query;

import io.sitework.support.axon.EventContext;
import io.sitework.support.domain.NotFoundException;
import io.sitework.work.schedule.api.ScheduleView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads one schedule straight from the event store: consistent with the last command (exact ETag).
 * An id of anything but a schedule is not found.
 */
@Component
public class ScheduleReader {

    private final EventStore eventStore;

    public ScheduleReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public ScheduleView get(String scheduleId) {
        ScheduleDocument state = new ScheduleDocument();
        DomainEventStream events = eventStore.readEvents(scheduleId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            ScheduleFold.apply(state, event.getPayload(), EventContext.of(event, event.getSequenceNumber()));
        }
        if (state.id == null) {
            throw new NotFoundException("No schedule with id " + scheduleId);
        }
        return state.toView();
    }
}
