package io.sitework.context.readmodel;

import io.sitework.support.axon.EventContext;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The two ways a document is folded from events: a projection's step, and a read straight from the event store. */
public final class Projections {

    private Projections() {
    }

    /** One projection step: loads (or starts) the document, folds the event in, saves it if it changed. Idempotent by version. */
    public static <D> void project(DocumentStore<D> store, String id, Supplier<D> empty, Fold<D> fold, Object event,
                                   EventMessage<?> message, long sequence) {
        D document = store.find(id).orElseGet(empty);
        if (fold.apply(document, event, EventContext.of(message, sequence))) {
            store.save(document);
        }
    }

    /**
     * The document after the aggregate's events up to {@code asOf} (inclusive; all of them when null), folded from
     * the first event, never from a snapshot.
     *
     * @param exists tells a document that was folded from at least its creation event
     * @param what   names the kind of item in the not-found message (e.g. "asset")
     * @throws NotFoundException when the aggregate did not exist (at that instant)
     */
    public static <D> D read(EventStore eventStore, String id, Instant asOf, D empty, Fold<D> fold, Predicate<D> exists, String what) {
        fold(eventStore, id, asOf, empty, fold);
        if (!exists.test(empty)) {
            String capitalised = Character.toUpperCase(what.charAt(0)) + what.substring(1);
            throw new NotFoundException(asOf == null ? "No " + what + " with id " + id : capitalised + " " + id + " did not exist at " + asOf);
        }
        return empty;
    }

    /**
     * Folds the aggregate's events up to {@code asOf} (inclusive; all of them when null) into {@code state}, from the
     * first event; {@code state} stays as it was when the aggregate had no event by then.
     */
    public static <D> D fold(EventStore eventStore, String id, Instant asOf, D state, Fold<D> fold) {
        DomainEventStream events = eventStore.readEvents(id, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            fold.apply(state, event.getPayload(), EventContext.of(event, event.getSequenceNumber()));
        }
        return state;
    }
}
