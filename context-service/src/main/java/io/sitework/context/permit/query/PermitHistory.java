package io.sitework.context.permit.query;

import io.sitework.context.publish.IntegrationEventMapper;
import io.sitework.support.axon.EventHistory;
import io.sitework.support.web.Paging;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The history of one permit: every stored event in order, shown as the public event it is published as. */
@Component
public class PermitHistory {

    private final EventHistory history;

    public PermitHistory(EventStore eventStore) {
        this.history = new EventHistory(eventStore, IntegrationEventMapper::toCloudEvent);
    }

    public Paging.Page<EventHistory.Entry> page(String permitId, int page, int size) {
        return history.page(permitId, page, size);
    }
}
