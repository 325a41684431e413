package io.sitework.work.query;

import io.sitework.support.axon.EventHistory;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.domain.SiteScoped;
import io.sitework.support.web.Paging;
import io.sitework.work.publish.IntegrationEventMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The history of one work item, straight from the event store, each event shown as the public
 * integration event it is published as (see {@link EventHistory}).
 */
@Component
public class WorkHistory {

    private final EventStore eventStore;
    private final EventHistory history;

    public WorkHistory(EventStore eventStore) {
        this.eventStore = eventStore;
        this.history = new EventHistory(eventStore, IntegrationEventMapper::toCloudEvent);
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

    /** The events of the work in sequence order, {@code size} at a time; {@code total} is the number of events. */
    public Paging.Page<EventHistory.Entry> page(String workId, int page, int size) {
        return history.page(workId, page, size);
    }

    static EventHistory.Entry entry(DomainEventMessage<?> message) {
        return EventHistory.entry(message, IntegrationEventMapper::toCloudEvent);
    }
}
