package io.sitework.context.site.query;

import io.sitework.context.readmodel.DocumentStore;
import io.sitework.context.readmodel.Projections;
import io.sitework.context.site.api.SiteEvents.SiteRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Keeps the site directory (the collection its pointer names, {@code sites} until a rebuild) in step with the event store; idempotent by version. */
@Component
@ProcessingGroup(SiteProjection.NAME)
public class SiteProjection {

    public static final String NAME = "sites";

    private final DocumentStore<SiteDocument> store;

    @Autowired
    public SiteProjection(SiteReplay replay) {
        this(replay.liveStore());
    }

    public SiteProjection(DocumentStore<SiteDocument> store) {
        this.store = store;
    }

    @EventHandler
    void on(SiteRegistered event, EventMessage<?> message, @SequenceNumber long sequence) {
        Projections.project(store, event.siteId(), SiteDocument::new, SiteFold::apply, event, message, sequence);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
