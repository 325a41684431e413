package io.sitework.context.permit.query;

import io.sitework.context.permit.api.PermitEvents.PermitRequested;
import io.sitework.context.permit.api.PermitView;
import io.sitework.context.readmodel.Projections;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

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
        return existingAsOf(permitId, asOf).orElseThrow(() -> new NotFoundException(
                asOf == null ? "No permit with id " + permitId : "Permit " + permitId + " did not exist at " + asOf));
    }

    /** The permit as it was at {@code asOf} (inclusive), or empty if it had not been requested by then. */
    public Optional<PermitView> existingAsOf(String permitId, Instant asOf) {
        PermitDocument state = Projections.fold(eventStore, permitId, asOf, new PermitDocument(), PermitFold::apply);
        return state.id == null ? Optional.empty() : Optional.of(state.toView());
    }
}
