package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetEvents.AssetEvent;
import io.sitework.context.readmodel.DocumentStore;
import io.sitework.context.readmodel.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Keeps the asset tree (the collection its pointer names, {@code assets} until a rebuild) in step with the event store; idempotent by version. */
@Component
@ProcessingGroup(AssetTreeProjection.NAME)
public class AssetTreeProjection {

    public static final String NAME = "asset-tree";

    private final DocumentStore<AssetDocument> store;

    @Autowired
    public AssetTreeProjection(AssetTreeReplay replay) {
        this(replay.liveStore());
    }

    public AssetTreeProjection(DocumentStore<AssetDocument> store) {
        this.store = store;
    }

    @EventHandler
    void on(AssetEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        Projections.project(store, event.assetId(), AssetDocument::new, AssetFold::apply, event, message, sequence);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
