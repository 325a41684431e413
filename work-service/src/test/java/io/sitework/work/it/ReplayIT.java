package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.Topics;
import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.work.api.WorkView;
import io.sitework.work.query.WorkBoardProjection;
import io.sitework.work.query.WorkBoardReplay;
import io.sitework.work.query.WorkDocument;
import io.sitework.work.query.WorkReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the work board beside the live one ({@code POST /api/admin/replay/work-service/work-board}):
 * commands and reads carry on throughout, the rebuilt collection equals what the event store folds, and
 * nothing is published again. Also: a processor without a stored token starts from the first event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // slow enough for progress to be watched on a few thousand events
        "sitework.replay.max-events-per-second=600",
        "sitework.replay.switch-distance=20",
        // instances that cached the old pointer get a moment before the old collection goes
        "sitework.replay.drop-delay=PT2S"})
// its own databases, used by no other class: free their connections for the classes after it
@DirtiesContext
class ReplayIT {

    private static final String REPLAY = "/api/admin/replay/work-service/work-board";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_replay");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReadModelCollections collections;
    @Autowired
    WorkReader reader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;

    private Http admin() {
        return new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"));
    }

    private Http lead(String site) {
        return new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("lea", site, Role.PLANNER, Role.TECHNICIAN, Role.SUPERVISOR));
    }

    private static String work(String site, String title) {
        return "{\"siteId\":\"" + site + "\",\"kind\":\"OTHER\",\"title\":\"" + title + "\",\"priority\":\"MEDIUM\"}";
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** A site with {@code count} work items, a third of them planned and a sixth started. */
    private List<String> history(String site, int count) {
        Http lead = lead(site);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = created(lead.post("/api/work", work(site, "history " + i)));
            ids.add(id);
            if (i % 3 == 0) {
                ok(lead.post("/api/work/" + id + "/plan", WorkApiIT.PLAN));
            }
            if (i % 6 == 0) {
                ok(lead.post("/api/work/" + id + "/start", null));
            }
            if (i % 5 == 0) {
                created(lead.post("/api/work/" + id + "/comments", "{\"text\":\"noted " + i + "\"}"));
            }
        }
        return ids;
    }

    private long boardTotal(String site) {
        return admin().get("/api/work?size=1&siteId=" + site).json().get("total").asLong();
    }

    private String active() {
        return collections.pointer(WorkBoardProjection.NAME, WorkBoardReplay.INITIAL_COLLECTION).active();
    }

    /** Every document of the site in the active collection is what the event store folds, and none is missing. */
    private void assertBoardEqualsTheEventStore(String site, Set<String> ids) {
        String collection = active();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<WorkDocument> documents = mongo.find(new Query(Criteria.where("siteId").is(site)), WorkDocument.class, collection);
            assertThat(documents).hasSize(ids.size());
            Instant now = Instant.now();
            for (WorkDocument document : documents) {
                assertThat(ids).contains(document.toView(now).id());
                WorkView folded = reader.asOf(document.toView(now).id(), now);
                assertThat(document.toView(now)).isEqualTo(folded);
            }
        });
    }

    @Test
    void rebuildsTheBoardBesideTheLiveOneWhileCommandsAndReadsContinue() throws Exception {
        String site = UUID.randomUUID().toString();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ids.addAll(history(site, 300));
        await().atMost(Duration.ofSeconds(30)).until(() -> boardTotal(site) == 300);
        String before = active();

        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> readStatuses = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            Http lead = lead(site);
            int i = 0;
            try {
                while (running.get()) {
                    String id = created(lead.post("/api/work", work(site, "during " + i)));
                    ids.add(id);
                    created(lead.post("/api/work/" + id + "/comments", "{\"text\":\"during the rebuild\"}"));
                    i++;
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "replay-it-writer");
        Thread readerThread = new Thread(() -> {
            while (running.get()) {
                readStatuses.add(lead(site).get("/api/work?size=20&siteId=" + site).status());
            }
        }, "replay-it-reader");
        writer.start();
        readerThread.start();

        Http.Response started = admin().post(REPLAY, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.json().get("active").asText()).isEqualTo(before);
        String building = started.json().get("building").asText();
        assertThat(building).isNotEqualTo(before).startsWith("work_");
        assertThat(started.json().get("eventsTotal").asLong()).isPositive();

        Http.Response second = admin().post(REPLAY, null);
        assertThat(second.status()).as("a second rebuild while one runs: " + second.body()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");

        List<JsonNode> samples = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Http.Response progress = admin().get(REPLAY);
            assertThat(progress.status()).as(progress.body()).isEqualTo(200);
            samples.add(progress.json());
            String state = progress.json().get("state").asText();
            return state.equals("DONE") || state.equals("FAILED");
        });
        running.set(false);
        writer.join(TimeUnit.SECONDS.toMillis(30));
        readerThread.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(failures).as("commands during the rebuild").isEmpty();

        JsonNode done = samples.get(samples.size() - 1);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("active").asText()).isEqualTo(building);
        assertThat(done.hasNonNull("building")).as("nothing being built").isFalse();
        assertThat(done.hasNonNull("finishedAt")).isTrue();
        assertThat(done.get("eventsDone").asLong()).isGreaterThanOrEqualTo(done.get("eventsTotal").asLong() - 20);
        List<JsonNode> whileRunning = samples.stream().filter(s -> s.get("state").asText().equals("RUNNING")).toList();
        assertThat(whileRunning).as("progress seen while running").hasSizeGreaterThan(2);
        for (int i = 1; i < whileRunning.size(); i++) {
            assertThat(whileRunning.get(i).get("eventsDone").asLong()).isGreaterThanOrEqualTo(whileRunning.get(i - 1).get("eventsDone").asLong());
        }
        assertThat(whileRunning.get(whileRunning.size() - 1).get("eventsDone").asLong())
                .isGreaterThan(whileRunning.get(0).get("eventsDone").asLong());
        assertThat(whileRunning.stream().filter(s -> s.get("eventsDone").asLong() > 0)).as("estimates once events are done").allSatisfy(s -> {
            assertThat(s.hasNonNull("estimatedSecondsLeft")).as(s.toString()).isTrue();
            assertThat(s.get("eventsPerSecond").asDouble()).isLessThan(1_000);
        });

        assertThat(meters.get("sitework.replay.events.done").tag("projection", "work-board").gauge().value())
                .isEqualTo(done.get("eventsDone").asDouble());
        assertThat(meters.get("sitework.replay.events.rate").tag("projection", "work-board").gauge().value()).isPositive();

        assertThat(readStatuses).as("reads during the rebuild").isNotEmpty().containsOnly(200);
        assertThat(ids.size()).as("work requested while the rebuild ran").isGreaterThan(300);
        assertThat(active()).isEqualTo(building);
        assertThat(mongo.collectionExists(before)).as("the old collection outlives the switch a moment").isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> !mongo.collectionExists(before));
        assertThat(mongo.getCollection(building).listIndexes().into(new ArrayList<>()).size()).as("indexes of the new collection")
                .isGreaterThan(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> boardTotal(site) == ids.size());
        assertBoardEqualsTheEventStore(site, ids);

        // the live processor goes on, on the new collection
        String after = created(lead(site).post("/api/work", work(site, "after the rebuild")));
        ids.add(after);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(after, WorkDocument.class, building) != null);

        // nothing was published twice: one record per stored event of the site's work
        long stored = storedEvents(ids);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> publishedRecords(ids) >= stored);
        assertThat(publishedRecords(ids)).isEqualTo(stored);
    }

    @Test
    void aProcessorWithoutAStoredTokenBuildsItsReadModelFromTheFirstEvent() throws Exception {
        String site = UUID.randomUUID().toString();
        Set<String> ids = Set.copyOf(history(site, 30));
        await().atMost(Duration.ofSeconds(30)).until(() -> boardTotal(site) == 30);
        StreamingEventProcessor board = processing.eventProcessor(WorkBoardProjection.NAME, StreamingEventProcessor.class).orElseThrow();

        // as for a read model added in code: no token row, an empty collection
        board.shutdownAsync().get(60, TimeUnit.SECONDS);
        jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", WorkBoardProjection.NAME);
        mongo.remove(new Query(), WorkDocument.class, active());
        assertThat(boardTotal(site)).isZero();
        board.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> boardTotal(site) == 30);
        assertBoardEqualsTheEventStore(site, ids);
    }

    @Test
    void anUnknownServiceOrProjectionIsNotFound() {
        for (String path : List.of("/api/admin/replay/context-service/work-board", "/api/admin/replay/work-service/asset-tree")) {
            Http.Response response = admin().post(path, null);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(admin().get(path).status()).isEqualTo(404);
        }
        Http.Response progress = admin().get(REPLAY);
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.json().get("projection").asText()).isEqualTo("work-board");
    }

    private long storedEvents(Set<String> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (" + in + ")", Long.class);
    }

    /** Records on the work topic keyed by one of {@code ids}, from the beginning to the current end. */
    private long publishedRecords(Set<String> ids) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORK, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.WORK, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(record.key()) && record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
