package io.sitework.context.contractor.query;

import io.sitework.context.contractor.api.ContractorView;
import io.sitework.context.readmodel.Projections;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** One contractor straight from the event store: consistent with the last command, and answerable as of any instant. */
@Component
public class ContractorReader {

    private final EventStore eventStore;
    private final Clock clock;

    public ContractorReader(EventStore eventStore, ObjectProvider<Clock> clock) {
        this.eventStore = eventStore;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The contractor as it was at {@code asOf} (inclusive), or now when null; {@code valid} flags are for that instant. */
    public ContractorView asOf(String contractorId, Instant asOf) {
        ContractorDocument state = Projections.read(eventStore, contractorId, asOf, new ContractorDocument(), ContractorFold::apply,
                c -> c.getId() != null, "contractor");
        return state.toView(asOf == null ? clock.instant() : asOf);
    }
}
