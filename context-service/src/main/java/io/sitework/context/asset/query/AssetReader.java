package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetView;
import io.sitework.context.readmodel.Projections;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** One asset straight from the event store: consistent with the last command, and answerable as of any instant. */
@Component
public class AssetReader {

    private final EventStore eventStore;

    public AssetReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AssetView asOf(String assetId, Instant asOf) {
        return Projections.read(eventStore, assetId, asOf, new AssetDocument(), AssetFold::apply, a -> a.getId() != null, "asset").toView();
    }

    /** The asset as it was at {@code asOf} (inclusive), or empty if it had not been registered by then. */
    public Optional<AssetView> existingAsOf(String assetId, Instant asOf) {
        AssetDocument state = Projections.fold(eventStore, assetId, asOf, new AssetDocument(), AssetFold::apply);
        return state.getId() == null ? Optional.empty() : Optional.of(state.toView());
    }
}
