package io.sitework.support.axon;

import io.sitework.support.domain.NotFoundException;
import io.sitework.support.domain.SiteScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The site of an aggregate, from its first stored event. An aggregate never changes site, so
 * checking access against this before sending a command cannot be raced.
 */
public class AggregateSites {

    private final EventStore eventStore;

    public AggregateSites(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @throws NotFoundException when no such aggregate exists */
    public String siteOf(String aggregateId, String notFoundMessage) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        if (!events.hasNext()) {
            throw new NotFoundException(notFoundMessage);
        }
        DomainEventMessage<?> first = events.next();
        if (first.getPayload() instanceof SiteScoped scoped) {
            return scoped.siteId();
        }
        throw new IllegalStateException("the first event of " + aggregateId + " (" + first.getPayloadType().getSimpleName()
                + ") does not name a site");
    }
}
