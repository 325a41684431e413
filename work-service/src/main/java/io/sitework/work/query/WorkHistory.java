package io.sitework.work.query;

import io.sitework.support.axon.EventHistory;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.domain.SiteScoped;
import io.sitework.work.publish.IntegrationEventMapper;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The history of one work item, straight from the event store (every event from sequence 0, never
 * a snapshot), each event shown as the public integration event it is published as: the same
 * {@code type} and {@code data} a Kafka consumer sees.
 */
@Component
public class WorkHistory extends EventHistory {

    private final EventStore eventStore;

    public WorkHistory(EventStore eventStore) {
        super(eventStore, IntegrationEventMapper::toCloudEvent);
        this.eventStore = eventStore;
    }

    /** The site of the work, from its first event. */
    public String siteOf(String workId) {
        DomainEventStream events = eventStore.readEvents(workId, 0);
        if (!events.hasNext()) {
            throw new NotFoundException("No work with id " + workId);
        }
        if (events.next().getPayload() instanceof SiteScoped scoped) {
            return scoped.siteId();
        }
        throw new NotFoundException("No work with id " + workId);
    }
}
