package io.sitework.support.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gauge {@code sitework.eventprocessor.lag{processing_group}}: how many events each streaming processor
 * (read models, the Kafka publisher, processes) still has to handle — the event store's highest global
 * index minus the position of the processor's slowest segment, read from the token store. Read from the
 * database, not from this instance's threads, it counts every segment whichever instance has claimed it
 * (or none has), so every instance reports the same number and a stalled processor shows even when the
 * instance that owned it is gone. Axon's own latency metric measures event age instead, which stays
 * flat on a processor that is idle but behind.
 *
 * <p>The two queries run at most once a second, however many gauges and scrapes ask.
 */
public class EventProcessorLag implements ApplicationListener<ApplicationReadyEvent> {

    public static final String METRIC = "sitework.eventprocessor.lag";
    private static final Logger log = LoggerFactory.getLogger(EventProcessorLag.class);
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private Map<String, Double> lags = Map.of();
    private Instant readAt = Instant.MIN;

    public EventProcessorLag(JdbcTemplate jdbc, Serializer serializer, Clock clock, ObjectProvider<MeterRegistry> registry,
                             ObjectProvider<EventProcessingConfiguration> processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.registry = registry;
        this.processing = processing;
    }

    /** The processors are known once Axon has started them: their gauges are registered then. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        registry.ifAvailable(meters -> processing.ifAvailable(config -> register(meters, config)));
    }

    /** Registers one gauge per streaming processor Axon runs in this service. */
    public void register(MeterRegistry registry, EventProcessingConfiguration processing) {
        Set<String> names = new TreeSet<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        names.forEach(name -> Gauge.builder(METRIC, this, lag -> lag.lag(name))
                .description("Events in the event store not yet handled by the processing group's slowest segment")
                .tag("processing_group", name)
                .register(registry));
    }

    /** The lag of one processor, NaN while it has no token yet or the database cannot be read. */
    public synchronized double lag(String processorName) {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH) >= 0) {
            lags = read();
            readAt = now;
        }
        return lags.getOrDefault(processorName, Double.NaN);
    }

    private Map<String, Double> read() {
        try {
            Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
            Map<String, Long> slowest = new HashMap<>();
            jdbc.query("SELECT processorname, token, tokentype FROM tokenentry", row -> {
                long position = position(row.getBytes("token"), row.getString("tokentype"));
                slowest.merge(row.getString("processorname"), position, Math::min);
            });
            Map<String, Double> result = new HashMap<>();
            slowest.forEach((name, position) -> result.put(name, (double) Math.max(0, head - position)));
            return result;
        } catch (RuntimeException e) {
            log.debug("Event processor lag not readable: {}", e.getMessage());
            return Map.of();
        }
    }

    /** The global index a segment has handled up to; -1 before its first event. */
    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
