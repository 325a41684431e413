package io.sitework.work.query;

import io.sitework.support.axon.EventContext;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the work board (MongoDB collection {@code work}) in step with the event store. Idempotent:
 * an event at or below a document's version is skipped, so redelivery after a crash changes nothing.
 */
@Component
@ProcessingGroup(WorkBoardProjection.NAME)
public class WorkBoardProjection {

    public static final String NAME = "work-board";

    private final WorkBoardStore store;

    public WorkBoardProjection(WorkBoardStore store) {
        this.store = store;
    }

    @EventHandler
    void on(WorkRequested event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkStarted event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkCompleted event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    private void apply(String workId, Object event, EventMessage<?> message, long sequence) {
        WorkDocument document = store.find(workId).orElseGet(WorkDocument::new);
        if (WorkFold.apply(document, event, EventContext.of(message, sequence))) {
            store.save(document);
        }
    }

}
