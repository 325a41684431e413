package io.sitework.work.schedule.query;

import io.sitework.support.axon.EventContext;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleCreated;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleOccurred;
import io.sitework.work.schedule.api.ScheduleEvents.SchedulePaused;
import io.sitework.work.schedule.api.ScheduleEvents.ScheduleResumed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the schedule list (the collection its pointer names, {@code schedules} until a rebuild) in step with the event store.
 * Idempotent: an event at or below a document's version is skipped, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(ScheduleProjection.NAME)
public class ScheduleProjection {

    public static final String NAME = "schedule-board";

    private final ScheduleStore store;

    public ScheduleProjection(ScheduleStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ScheduleCreated event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.scheduleId(), event, message, sequence);
    }

    @EventHandler
    void on(SchedulePaused event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.scheduleId(), event, message, sequence);
    }

    @EventHandler
    void on(ScheduleResumed event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.scheduleId(), event, message, sequence);
    }

    @EventHandler
    void on(ScheduleOccurred event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.scheduleId(), event, message, sequence);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    private void apply(String scheduleId, Object event, EventMessage<?> message, long sequence) {
        ScheduleDocument document = store.find(scheduleId).orElseGet(ScheduleDocument::new);
        if (ScheduleFold.apply(document, event, EventContext.of(message, sequence))) {
            store.save(document);
        }
    }
}
