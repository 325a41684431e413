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
import io.micrometer.core.instrument.Counter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Axon conventions shared by the event-sourced services: Jackson (never XStream) with a mapper of
 * its own — lenient to added fields so old and new events keep reading — and correlation data
 * (correlation id, actor, business time, trace context) copied from each command to the events it causes. And what
 * lets several instances of a service run side by side on one database (docs/scaling.md): commands that lose a race
 * for their aggregate are sent again ({@link ConcurrentAppendRetries}), processors' token claims carry
 * the instance's id, and the instances share each processor's segments ({@link SegmentBalancer}).
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


    /** This instance's name in token claims and heartbeats: {@code SITEWORK_INSTANCE_ID}, else pid@host (Axon's default). */
    public static String instanceId(String configured) {
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured.strip();
    }

    /** Commands that collided with a concurrent append to their aggregate are sent again, a few times. */
    @Bean
    @ConditionalOnMissingBean(CommandGateway.class)
    public CommandGateway commandGateway(CommandBus commandBus, ConcurrentAppendRetries retries) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    @Bean(destroyMethod = "shutdown")
    public ConcurrentAppendRetries concurrentAppendRetries(@Value("${sitework.commands.retry.max-retries:5}") int maxRetries,
                                                           @Value("${sitework.commands.retry.back-off:20ms}") Duration backOff,
                                                           ObjectProvider<MeterRegistry> meters) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        MeterRegistry registry = meters.getIfAvailable();
        Counter counter = registry == null ? null : Counter.builder("sitework.commands.retried")
                .description("Commands sent again after losing a race for their aggregate to a concurrent append")
                .register(registry);
        return new ConcurrentAppendRetries(executor, maxRetries, backOff.toMillis(), total -> {
            if (counter != null) {
                counter.increment();
            }
        });
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

    /**
     * Axon's JDBC token store, as its auto-configuration builds it (claim timeout from
     * {@code axon.eventhandling.tokenstore.claim-timeout}) but with this instance's id as the owner of
     * its claims, so that the owners in {@code tokenentry} name the instances.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcTemplate.class, JdbcTokenStore.class})
    static class TokenStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(TokenStore.class)
        public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ObjectProvider<TokenSchema> tokenSchema,
                                     ObjectProvider<TokenStoreProperties> properties, @Value("${sitework.instance-id:}") String instanceId) {
            return JdbcTokenStore.builder()
                    .connectionProvider(connectionProvider)
                    // Axon's schema bean exists only when Axon builds the token store itself: its default table and columns
                    .schema(tokenSchema.getIfAvailable(() -> TokenSchema.builder().build()))
                    .serializer(serializer)
                    .claimTimeout(properties.getIfAvailable(TokenStoreProperties::new).getClaimTimeout())
                    .nodeId(instanceId(instanceId))
                    .build();
        }

        @Bean
        @ConditionalOnProperty(name = "sitework.processing.balance.enabled", havingValue = "true", matchIfMissing = true)
        public SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore,
                                               TransactionManager transactions, JdbcTemplate jdbc,
                                               @Value("${sitework.instance-id:}") String instanceId,
                                               @Value("${sitework.processing.balance.interval:2s}") Duration interval,
                                               @Value("${sitework.processing.balance.release:10s}") Duration release) {
            return new SegmentBalancer(processing, tokenStore, transactions, jdbc, instanceId(instanceId), interval, release);
        }
    }

    /**
     * Axon's JDBC event storage engine as its auto-configuration builds it, with the gap timeout set and every
     * transaction that stores events bounded in time by PostgreSQL ({@link BoundedAppendEventStorageEngine}):
     * no event can become visible after the processors stopped waiting for it (docs/reliability.md).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcTemplate.class, JdbcEventStorageEngine.class})
    static class EventStorageConfiguration {

        @Bean
        @ConditionalOnMissingBean(EventStorageEngine.class)
        public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     org.axonframework.config.Configuration configuration,
                                                     ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                     ObjectProvider<EventSchema> eventSchema,
                                                     @Value("${sitework.event-store.append-timeout:10s}") Duration appendTimeout,
                                                     @Value("${sitework.event-store.gap-timeout:120s}") Duration gapTimeout) {
            JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                    .snapshotSerializer(defaultSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .persistenceExceptionResolver(persistenceExceptionResolver)
                    .eventSerializer(eventSerializer)
                    .snapshotFilter(configuration.snapshotFilter())
                    .connectionProvider(connectionProvider)
                    .transactionManager(transactionManager)
                    .schema(eventSchema.getIfAvailable(() -> EventSchema.builder().build()));
            return new BoundedAppendEventStorageEngine(builder, appendTimeout, gapTimeout);
        }
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
