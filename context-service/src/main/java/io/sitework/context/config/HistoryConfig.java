package io.sitework.context.config;

import io.sitework.context.publish.IntegrationEventMapper;
import io.sitework.support.axon.EventHistory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The history of any context aggregate (site, asset, contractor…): its stored events as they are published. */
@Configuration
public class HistoryConfig {

    @Bean
    EventHistory contextHistory(EventStore eventStore) {
        return new EventHistory(eventStore, IntegrationEventMapper::toCloudEvent);
    }

    /** How stored events are published: the audit feed, export and re-publication show and send them the same way. */
    @Bean
    EventHistory.Publication contextPublication() {
        return IntegrationEventMapper::toCloudEvent;
    }
}
