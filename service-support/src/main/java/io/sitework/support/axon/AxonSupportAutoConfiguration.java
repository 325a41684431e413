package io.sitework.support.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.sitework.support.audit.ChainVerifier;
import io.sitework.support.tracing.TraceContext;
import io.sitework.support.tracing.TraceCorrelationDataProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Axon conventions shared by the event-sourced services: Jackson (never XStream) with a mapper of
 * its own — lenient to added fields so old and new events keep reading — and correlation data
 * (correlation id, actor, business time, trace context) copied from each command to the events it causes.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@ConditionalOnClass(Serializer.class)
@Import(AxonProblemAdvice.class)
public class AxonSupportAutoConfiguration {

    static ObjectMapper storeMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(storeMapper()).lenientDeserialization().build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /** Duplicate aggregate ids on PostgreSQL are AggregateStreamCreationExceptions (Axon's default resolver misses them). */
    @Bean
    @ConditionalOnMissingBean(PersistenceExceptionResolver.class)
    public PersistenceExceptionResolver uniqueViolationResolver() {
        return new UniqueViolationResolver();
    }


    @Bean
    public AggregateSites aggregateSites(EventStore eventStore) {
        return new AggregateSites(eventStore);
    }

    @Bean
    public CorrelationDataProvider siteworkCorrelationData() {
        return new SimpleCorrelationDataProvider(CommandMetadata.CORRELATION_ID, CommandMetadata.ACTOR, CommandMetadata.OCCURRED_AT);
    }

    /** The trace a command was handled in, kept in its events' metadata for the publisher (docs/observability.md). */
    @Bean
    public CorrelationDataProvider siteworkTraceCorrelationData(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceCorrelationDataProvider(new TraceContext(tracer, propagator));
    }

    /** The JDBC event store's hash chain (migration V1_4), checked for the audit endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    static class EventChainConfiguration {

        @Bean
        public ChainVerifier chainVerifier(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
            return new ChainVerifier(jdbc, clock.getIfAvailable(Clock::systemUTC));
        }

        /** Lag per processing group in events, from the token store (docs/observability.md). */
        @Bean
        @ConditionalOnClass(MeterRegistry.class)
        public EventProcessorLag eventProcessorLag(JdbcTemplate jdbc, Serializer serializer, ObjectProvider<MeterRegistry> registry,
                                                   ObjectProvider<EventProcessingConfiguration> processing) {
            return new EventProcessorLag(jdbc, serializer, Clock.systemUTC(), registry, processing);
        }
    }
}
