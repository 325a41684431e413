package io.sitework.support.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stored events of one site in the event store's global order, read with SQL: Axon's event store
 * answers per aggregate or for everything, while a site's events are found through {@code aggregate_site}
 * (db/axon/V1_3). Events are deserialized (and upcast) as the event store would.
 */
public class SiteEventLog {

    /** One stored event and its place in the global order. */
    public record StoredEvent(long globalIndex, DomainEventMessage<?> message) {
    }

    private static final String SELECT = """
            SELECT e.globalindex, e.type, e.aggregateidentifier, e.sequencenumber, e.eventidentifier, e.timestamp,
                   e.payloadtype, e.payloadrevision, e.payload, e.metadata
            FROM domainevententry e JOIN aggregate_site s ON s.aggregateidentifier = e.aggregateidentifier
            WHERE s.site_id = ? AND e.globalindex > ?""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcaster;

    public SiteEventLog(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcaster) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcaster = upcaster;
    }

    /** Up to {@code limit} events of the site after the global index {@code after}, in global order. */
    public List<StoredEvent> after(String siteId, long after, int limit) {
        return read(SELECT + " ORDER BY e.globalindex LIMIT ?", siteId, after, limit);
    }

    /** As {@link #after}, only events whose time is in [from, to). */
    public List<StoredEvent> between(String siteId, long after, Instant from, Instant to, int limit) {
        return read(SELECT + " AND e.timestamp::timestamptz >= ?::timestamptz AND e.timestamp::timestamptz < ?::timestamptz"
                + " ORDER BY e.globalindex LIMIT ?", siteId, after, from.toString(), to.toString(), limit);
    }

    private List<StoredEvent> read(String sql, Object... args) {
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query(sql, rs -> {
            long index = rs.getLong("globalindex");
            GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString("type"),
                    rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"), rs.getString("eventidentifier"),
                    rs.getString("timestamp"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                    rs.getBytes("payload"), rs.getBytes("metadata"));
            DomainEventStream messages = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcaster);
            while (messages.hasNext()) {
                events.add(new StoredEvent(index, messages.next()));
            }
        }, args);
        return events;
    }
}
