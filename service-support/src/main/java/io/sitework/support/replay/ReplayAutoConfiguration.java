package io.sitework.support.replay;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.support.axon.AxonSupportAutoConfiguration;
import io.sitework.support.security.SiteAccess;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Read models in MongoDB resolve their collection through {@link ReadModelCollections}; where a service
 * declares {@link ReplayableProjection}s, they can be rebuilt through {@link ReplayController}.
 * Rebuild times are wall-clock times of the operation, not the service's (possibly test) clock.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MongoTemplate.class)
public class ReplayAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    public ReadModelCollections readModelCollections(MongoTemplate mongo) {
        return new ReadModelCollections(mongo, Clock.systemUTC());
    }

    /** Only in services with replayable projections (and so an Axon event store). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventProcessingConfiguration.class)
    @ConditionalOnBean({ReplayableProjection.class, MongoTemplate.class, EventStore.class})
    static class Rebuilds {

        @Bean(destroyMethod = "close")
        ReadModelRebuilds readModelRebuilds(List<ReplayableProjection> projections, EventStore eventStore,
                                            EventProcessingConfiguration processing, TokenStore tokenStore,
                                            TransactionManager transactions, MongoTemplate mongo, ReadModelCollections collections,
                                            ObjectProvider<MeterRegistry> meters,
                                            @Value("${sitework.replay.switch-distance:50}") long switchDistance,
                                            @Value("${sitework.replay.max-events-per-second:0}") double maxEventsPerSecond,
                                            @Value("${sitework.replay.drop-delay:PT10S}") Duration dropDelay,
                                            @Value("${sitework.replay.stale-after:PT30S}") Duration staleAfter,
                                            @Value("${sitework.replay.claim-wait:PT20S}") Duration claimWait,
                                            @Value("${sitework.replay.coordination-interval:PT1S}") Duration coordinationInterval,
                                            @Value("${sitework.instance-id:}") String instanceId) {
            return new ReadModelRebuilds(projections, eventStore, processing, tokenStore, transactions, mongo, collections,
                    Clock.systemUTC(), new ReadModelRebuilds.Settings(switchDistance, maxEventsPerSecond, dropDelay, staleAfter, claimWait,
                    coordinationInterval), meters.getIfAvailable(), AxonSupportAutoConfiguration.instanceId(instanceId));
        }

        @Bean
        ReplayController replayController(ReadModelRebuilds rebuilds, SiteAccess access,
                                          @Value("${spring.application.name}") String serviceName) {
            return new ReplayController(rebuilds, access, serviceName);
        }
    }
}
