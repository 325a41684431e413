package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetView;
import io.sitework.support.axon.EventContext;
import io.sitework.support.domain.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** One asset straight from the event store: consistent with the last command, and answerable as of any instant. */
@Component
public class AssetReader {

    private final EventStore eventStore;

    public AssetReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AssetView asOf(String assetId, Instant asOf) {
        AssetDocument state = new AssetDocument();
        DomainEventStream events = eventStore.readEvents(assetId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            AssetFold.apply(state, event.getPayload(), EventContext.of(event, event.getSequenceNumber()));
        }
        if (state.getId() == null) {
            throw new NotFoundException(asOf == null ? "No asset with id " + assetId : "Asset " + assetId + " did not exist at " + asOf);
        }
        return state.toView();
    }
}
