package io.sitework.context.contractor.query;

import io.sitework.context.contractor.api.ContractorEvents.ContractorEvent;
import io.sitework.context.readmodel.DocumentStore;
import io.sitework.context.readmodel.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Keeps the contractor directory (the collection its pointer names, {@code contractors} until a rebuild) in step with the event store; idempotent by version. */
@Component
@ProcessingGroup(ContractorProjection.NAME)
public class ContractorProjection {

    public static final String NAME = "contractors";

    private final DocumentStore<ContractorDocument> store;

    @Autowired
    public ContractorProjection(ContractorsReplay replay) {
        this(replay.liveStore());
    }

    public ContractorProjection(DocumentStore<ContractorDocument> store) {
        this.store = store;
    }

    @EventHandler
    void on(ContractorEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        Projections.project(store, event.contractorId(), ContractorDocument::new, ContractorFold::apply, event, message, sequence);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
