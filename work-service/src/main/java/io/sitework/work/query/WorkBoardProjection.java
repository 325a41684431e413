package io.sitework.work.query;

import io.sitework.support.axon.EventContext;
import io.sitework.work.api.WorkEvents.BlockerRaised;
import io.sitework.work.api.WorkEvents.BlockerResolved;
import io.sitework.work.api.WorkEvents.ChecklistItemRecorded;
import io.sitework.work.api.WorkEvents.CommentAdded;
import io.sitework.work.api.WorkEvents.DueDateChanged;
import io.sitework.work.api.WorkEvents.WorkAssigned;
import io.sitework.work.api.WorkEvents.WorkCancelled;
import io.sitework.work.api.WorkEvents.WorkClosed;
import io.sitework.work.api.WorkEvents.WorkCompleted;
import io.sitework.work.api.WorkEvents.PermitLinked;
import io.sitework.work.api.WorkEvents.PermitStatusChanged;
import io.sitework.work.api.WorkEvents.WorkOverdue;
import io.sitework.work.api.WorkEvents.WorkPlanned;
import io.sitework.work.api.WorkEvents.WorkPutOnHold;
import io.sitework.work.api.WorkEvents.WorkRejected;
import io.sitework.work.api.WorkEvents.WorkReopened;
import io.sitework.work.api.WorkEvents.WorkRequested;
import io.sitework.work.api.WorkEvents.WorkResumed;
import io.sitework.work.api.WorkEvents.WorkStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.io.Flushable;

/**
 * Keeps the work board (the MongoDB collection its pointer names, {@code work} until a rebuild) in step
 * with the event store. Idempotent: an event at or below a document's version is skipped, so redelivery
 * after a crash — or the hand-over from a rebuild — changes nothing.
 */
@Component
@ProcessingGroup(WorkBoardProjection.NAME)
public class WorkBoardProjection implements Flushable {

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
    void on(WorkPlanned event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(DueDateChanged event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkAssigned event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkStarted event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkPutOnHold event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkResumed event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkCompleted event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkClosed event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkReopened event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkRejected event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkCancelled event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(BlockerRaised event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(BlockerResolved event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(ChecklistItemRecorded event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(CommentAdded event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(WorkOverdue event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(PermitLinked event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @EventHandler
    void on(PermitStatusChanged event, EventMessage<?> message, @SequenceNumber long sequence) {
        apply(event.workId(), event, message, sequence);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    /** Writes what the store holds back (a rebuild's write-behind store); nothing to do for the live board. */
    @Override
    public void flush() {
        store.flush();
    }

    private void apply(String workId, Object event, EventMessage<?> message, long sequence) {
        WorkDocument document = store.find(workId).orElseGet(WorkDocument::new);
        if (WorkFold.apply(document, event, EventContext.of(message, sequence))) {
            store.save(document);
        }
    }

}
