package io.sitework.context.permit.query;

import io.sitework.context.permit.api.PermitEvents.PermitEvent;
import io.sitework.context.readmodel.DocumentStore;
import io.sitework.support.axon.EventContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps the permits read model (the collection its pointer names, {@code permits} until a rebuild) in step with the event store.
 * Idempotent: an event at or below a document's version is skipped, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(PermitProjection.NAME)
public class PermitProjection {

    public static final String NAME = "permits";

    private final DocumentStore<PermitDocument> store;

    @Autowired
    public PermitProjection(PermitsReplay replay) {
        this(replay.liveStore());
    }

    public PermitProjection(DocumentStore<PermitDocument> store) {
        this.store = store;
    }

    @EventHandler
    void on(PermitEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        PermitDocument document = store.find(event.permitId()).orElseGet(PermitDocument::new);
        if (PermitFold.apply(document, event, EventContext.of(message, sequence))) {
            store.save(document);
        }
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
