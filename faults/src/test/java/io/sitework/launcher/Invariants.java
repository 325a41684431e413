package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitework.infra.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "nothing lost" invariants of issue 11 for what one {@link WorkLoad} sent, checked against the real
 * stores: (a) every acknowledged command's events are in the event store (PostgreSQL,
 * {@code domainevententry}), in contiguous per-aggregate sequences; (b) the set of CloudEvent ids on
 * {@code sitework.work.v1} (read from the beginning) is the set of the stored events' ids, republished
 * duplicates counted; (c) per aggregate, one partition, and a consumer that drops what it has seen
 * (sequence not newer) meets every sequence in order, without a gap; (d) the work board equals the fold
 * of the store (total, version, status as the single item answers it); (e) the owner's inbox holds one
 * entry per requested work item and no inbox holds an event twice. {@link #check} throws an
 * {@link AssertionError} naming the first invariant that does not hold yet.
 */
final class Invariants {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WORK_TOPIC = "sitework.work.v1";

    /** What a passing check saw: for the report. */
    record Report(int workItems, int events, int records, int duplicates) {
        @Override
        public String toString() {
            return workItems + " work items, " + events + " events, " + records + " records on Kafka (" + duplicates + " published again)";
        }
    }

    private record StoredEvent(long sequence, String eventId, String type, JsonNode payload) {
    }

    private record Published(String id, long sequence, int partition) {
    }

    private final Platform platform;
    private final JsonHttp gateway;

    Invariants(Platform platform, JsonHttp gateway) {
        this.platform = platform;
        this.gateway = gateway;
    }

    Report check(WorkLoad load) throws Exception {
        // (a) the store
        Map<String, List<StoredEvent>> stored = storedEvents(load.site);
        assertThat(stored.keySet()).as("(a) acknowledged work items in the event store")
                .containsAll(load.acknowledgedWork.values());
        assertThat(stored.size()).as("(a) work items stored: at most one per idempotency key sent").isLessThanOrEqualTo(load.keysSent.size());
        Set<String> eventIds = new HashSet<>();
        Set<String> requestedIds = new HashSet<>();
        stored.forEach((id, events) -> {
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).as("(a) sequence %d of %s", i, id).isEqualTo(i);
                eventIds.add(events.get(i).eventId());
            }
            requestedIds.add(events.get(0).eventId());
            List<String> comments = events.stream().filter(e -> e.type().endsWith("CommentAdded"))
                    .map(e -> e.payload().path("commentId").asText()).toList();
            assertThat(comments).as("(a) comments stored on %s", id).doesNotHaveDuplicates()
                    .containsAll(load.acknowledgedComments.getOrDefault(id, Set.of()));
        });

        // (b) and (c) Kafka
        Map<String, List<Published>> published = published(stored.keySet());
        Set<String> publishedIds = new HashSet<>();
        int records = 0;
        for (Map.Entry<String, List<Published>> key : published.entrySet()) {
            List<Published> list = key.getValue();
            records += list.size();
            list.forEach(p -> publishedIds.add(p.id()));
            assertThat(list.stream().map(Published::partition).distinct().count()).as("(c) partitions of key %s", key.getKey()).isEqualTo(1);
            assertThat(orderViolation(list.stream().map(Published::sequence).toList()))
                    .as("(c) order of %s as a deduplicating consumer meets it: %s", key.getKey(), list).isNull();
        }
        assertThat(publishedIds).as("(b) CloudEvent ids on Kafka = stored event ids").isEqualTo(eventIds);

        // (d) the board is the fold of the store
        JsonNode board = get(load, "/api/work?siteId=" + load.site + "&size=200");
        assertThat(board.path("total").asInt()).as("(d) board total").isEqualTo(stored.size());
        for (JsonNode row : board.path("items")) {
            String id = row.path("id").asText();
            assertThat(stored).as("(d) board row %s in the store", id).containsKey(id);
            assertThat(row.path("version").asLong()).as("(d) board version of %s", id).isEqualTo(stored.get(id).size() - 1L);
            JsonNode single = get(load, "/api/work/" + id);
            assertThat(row.path("status").asText()).as("(d) board status of %s", id).isEqualTo(single.path("status").asText());
            assertThat(single.path("version").asLong()).as("(d) version of %s", id).isEqualTo(stored.get(id).size() - 1L);
        }

        // (e) notifications: one per (event, recipient)
        List<String> ownerInbox = inboxEventIds(load, load.owner);
        assertThat(ownerInbox).as("(e) owner's inbox").doesNotHaveDuplicates();
        assertThat(new HashSet<>(ownerInbox)).as("(e) owner's inbox = the requests").isEqualTo(requestedIds);
        assertThat(inboxEventIds(load, load.watcher)).as("(e) watcher's inbox").doesNotHaveDuplicates().isSubsetOf(eventIds);
        return new Report(stored.size(), eventIds.size(), records, records - publishedIds.size());
    }

    /**
     * Null when a consumer that applies a record only if its sequence is newer than the last it applied
     * meets the sequences 0, 1, 2, … in this order without a gap (repeats of what it applied are dropped);
     * otherwise what it would apply out of order.
     */
    static String orderViolation(List<Long> sequences) {
        long applied = -1;
        for (long sequence : sequences) {
            if (sequence > applied) {
                if (sequence != applied + 1) {
                    return "sequence " + sequence + " after " + applied;
                }
                applied = sequence;
            }
        }
        return null;
    }

    private JsonNode get(WorkLoad load, String path) {
        JsonHttp.Response response = gateway.get(path, load.auth(load.planner));
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> inboxEventIds(WorkLoad load, String user) {
        JsonHttp.Response response = gateway.get("/api/notifications?size=200", load.auth(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("eventId").asText()));
        return ids;
    }

    Connection workDatabase() throws Exception {
        String database = platform.eventStoreDatabases().stream().filter(db -> db.contains("_work_")).findFirst().orElseThrow();
        PostgresServer server = PostgresServer.findOrStart(platform.config().postgresUrl(), platform.config().postgresUser(),
                platform.config().postgresPassword(), null);
        return server.connect(database);
    }

    /** The events of every work item of {@code site}, per item in sequence order. */
    private Map<String, List<StoredEvent>> storedEvents(String site) throws Exception {
        Map<String, List<StoredEvent>> all = new TreeMap<>();
        try (Connection c = workDatabase(); PreparedStatement s = c.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber, eventidentifier, payloadtype, payload FROM domainevententry "
                        + "ORDER BY aggregateidentifier, sequencenumber")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StoredEvent(rs.getLong(2), rs.getString(3),
                            rs.getString(4), JSON.readTree(new String(rs.getBytes(5), StandardCharsets.UTF_8))));
                }
            }
        }
        all.values().removeIf(events -> !site.equals(events.get(0).payload().path("siteId").asText()));
        return all;
    }

    /** Every record of {@value #WORK_TOPIC} whose key is one of {@code keys}, per key in partition order. */
    private Map<String, List<Published>> published(Set<String> keys) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + platform.ports().get("kafka"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<Published>> result = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(WORK_TOPIC, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                assertThat(System.nanoTime()).as("(b) read %s to its end within 60 s", WORK_TOPIC).isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        JsonNode event = JSON.readTree(record.value());
                        result.computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add(new Published(event.path("id").asText(), event.path("sequence").asLong(), record.partition()));
                    }
                }
            }
        }
        return result;
    }
}
