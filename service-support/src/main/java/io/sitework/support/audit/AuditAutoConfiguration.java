package io.sitework.support.audit;

import io.sitework.support.axon.EventHistory;
import io.sitework.support.kafka.IntegrationEventPublisher;
import io.sitework.support.kafka.KafkaSupportAutoConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * The site-wide audit feed, export and re-publication of a service with an event store: on when the
 * service names its stream ({@code sitework.audit.stream}) and says how it publishes its events (an
 * {@link EventHistory.Publication} bean).
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, KafkaSupportAutoConfiguration.class},
        afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({JdbcTemplate.class, Serializer.class})
@ConditionalOnProperty("sitework.audit.stream")
@ConditionalOnBean(EventHistory.Publication.class)
@Import(AuditFeedController.class)
public class AuditAutoConfiguration {

    @Bean
    public AuditFeed auditFeed(@Value("${sitework.audit.stream}") String stream,
                               @Value("${sitework.audit.feed.settle:PT5S}") Duration settle,
                               JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                               ObjectProvider<EventUpcaster> upcaster, EventHistory.Publication publication,
                               IntegrationEventPublisher publisher, ObjectProvider<Clock> clock) {
        SiteEventLog log = new SiteEventLog(jdbc, serializer, upcaster.getIfUnique(() -> NoOpEventUpcaster.INSTANCE));
        return new AuditFeed(stream, log, publication, publisher, clock.getIfUnique(Clock::systemUTC), settle);
    }
}
