package io.sitework.context.permit.query;

import io.sitework.context.permit.api.PermitEvents.PermitRequested;
import io.sitework.context.permit.api.PermitView;
import io.sitework.support.axon.EventContext;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * One permit straight from the event store: consistent with the last command (read-your-writes, exact
 * ETag) and able to answer as of any past instant, by folding its events from the first.
 */
@Component
public class PermitReader {

    private final EventStore eventStore;

    public PermitReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The site of the permit, from its request; any other id (an asset's, say) is not a permit. */
    public String siteOf(String permitId) {
        DomainEventStream events = eventStore.readEvents(permitId, 0);
        if (events.hasNext() && events.next().getPayload() instanceof PermitRequested requested) {
            return requested.siteId();
        }
        throw new NotFoundException("No permit with id " + permitId);
    }

    public PermitView get(String permitId) {
        return asOf(permitId, null);
    }

    /** The permit as it was at {@code asOf} (inclusive), or now when {@code asOf} is null. */
    public PermitView asOf(String permitId, Instant asOf) {
        PermitDocument state = new PermitDocument();
        DomainEventStream events = eventStore.readEvents(permitId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            PermitFold.apply(state, event.getPayload(), EventContext.of(event, event.getSequenceNumber()));
        }
        if (state.id == null) {
            throw new NotFoundException(asOf == null ? "No permit with id " + permitId : "Permit " + permitId + " did not exist at " + asOf);
        }
        return state.toView();
    }
}
