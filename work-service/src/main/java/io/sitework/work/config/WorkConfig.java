package io.sitework.work.config;

import io.sitework.support.axon.EventHistory;
import io.sitework.work.publish.IntegrationEventMapper;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class WorkConfig {

    /** Long-lived work (rounds with many readings, long discussions) loads from a snapshot, not from event 0. */
    @Bean
    SnapshotTriggerDefinition workSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${sitework.work.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** How stored events are published: the audit feed, export and re-publication show and send them the same way. */
    @Bean
    EventHistory.Publication workPublication() {
        return IntegrationEventMapper::toCloudEvent;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
