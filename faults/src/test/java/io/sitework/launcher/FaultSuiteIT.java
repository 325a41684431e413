package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's fault suite on the real platform (a Kafka broker process, the services and the gateway as
 * processes, PostgreSQL as on the machine): each scenario drives a bounded load of work requests with
 * client-chosen ids ({@link WorkLoad}), injects one fault while it runs, and then waits until every
 * invariant of {@link Invariants} holds. The time from the end of the fault to the invariants holding is
 * the recovery time, printed and written to {@code target/faults-report.txt} (docs/reliability.md).
 * {@code -Dfaults.short=true} runs fewer commands and one round of each scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final boolean SHORT = Boolean.getBoolean("faults.short");
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(180);
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(300);
    /** Events a second a rebuild reads here: slow enough for scenario 6 to kill work-service in the middle of one. */
    private static final int REPLAY_RATE = 10;

    @TempDir
    static Path tmp;

    private Platform platform;
    private JsonHttp gateway;
    private Invariants invariants;
    private final List<String> report = new ArrayList<>();

    @BeforeAll
    void startThePlatform() {
        platform = TestPlatforms.start(tmp, "faults", Duration.ofSeconds(240),
                List.of("-Dsitework.replay.max-events-per-second=" + REPLAY_RATE));
        gateway = new JsonHttp(platform.gatewayUri());
        invariants = new Invariants(platform, gateway);
    }

    @AfterAll
    void stopThePlatformAndDropItsDatabases() throws Exception {
        try {
            TestPlatforms.stopAndDropDatabases(platform);
        } finally {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.write(target.resolve("faults-report.txt"), report);
            report.forEach(line -> System.out.println("[faults] " + line));
            if (platform != null) {
                Path logs = target.resolve("faults-logs");
                Files.createDirectories(logs);
                try (var files = Files.list(platform.config().dataDir().resolve("logs"))) {
                    for (Path log : files.toList()) {
                        Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    @Test
    @Order(1)
    void brokerKilledDuringPublicationAndRestartedAfterTenSeconds() throws Exception {
        for (int round = 1; round <= (SHORT ? 1 : 2); round++) {
            WorkLoad load = new WorkLoad("kill-broker", gateway, gateway);
            Future<?> running = load.start(commands(), 3, Duration.ofMillis(400), LOAD_DEADLINE);
            Thread.sleep(1500);
            platform.killKafka();
            Thread.sleep(10_000);
            platform.restartKafka();
            long faultEnded = System.nanoTime();
            running.get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            recovered("broker SIGKILLed for 10 s, round " + round, load, faultEnded);
        }
    }

    @Test
    @Order(2)
    void brokerFrozenPastTheProducersDeliveryTimeoutThenResumed() throws Exception {
        WorkLoad load = new WorkLoad("freeze-broker", gateway, gateway);
        Future<?> running = load.start(commands(), 3, Duration.ofMillis(400), LOAD_DEADLINE);
        Thread.sleep(1500);
        platform.freezeKafka();
        try {
            // the producers' delivery timeout is 12 s (KafkaSupportAutoConfiguration): well past it
            Thread.sleep(20_000);
        } finally {
            platform.resumeKafka();
        }
        long faultEnded = System.nanoTime();
        running.get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        recovered("broker SIGSTOPped for 20 s", load, faultEnded);
    }

    @Test
    @Order(3)
    void workServiceKilledDuringLoadAndRestarted() throws Exception {
        WorkLoad load = new WorkLoad("kill-work", gateway, gateway);
        Future<?> running = load.start(commands(), 3, Duration.ofMillis(300), LOAD_DEADLINE);
        awaitFirstAcknowledgements(load);
        System.out.printf("[faults] killing work-service after %d of %d work requests were acknowledged%n",
                load.acknowledgedWork.size(), commands());
        platform.killService("work-service");
        platform.startService("work-service");
        long faultEnded = System.nanoTime();
        running.get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        recovered("work-service SIGKILLed and restarted", load, faultEnded);
    }

    @Test
    @Order(4)
    void poisonRecordsAreDeadLetteredAndLaterEventsFlow() throws Exception {
        // one unreadable record on each partition of the work topic, so every partition has one before the load
        List<String> poisonKeys = new ArrayList<>();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + platform.ports().get("kafka"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            int partitions = producer.partitionsFor(Invariants.WORK_TOPIC).size();
            for (int p = 0; p < partitions; p++) {
                String key = UUID.randomUUID().toString();
                poisonKeys.add(key);
                producer.send(new ProducerRecord<>(Invariants.WORK_TOPIC, p, key, "{\"poison\": " + p)).get(30, TimeUnit.SECONDS);
            }
        }
        long faultEnded = System.nanoTime();
        WorkLoad load = new WorkLoad("poison", gateway, gateway);
        load.start(commands(), 3, Duration.ofMillis(100), LOAD_DEADLINE).get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        recovered("poison record on each work partition", load, faultEnded);

        // an org admin sees each poison record dead-lettered; a retry keeps it OPEN (it cannot be read, whatever is fixed)
        String admin = orgAdmin();
        Map<String, JsonNode> letters = new HashMap<>();
        await().atMost(RECOVERY_LIMIT).untilAsserted(() -> {
            JsonHttp.Response response = gateway.get("/api/notifications/dead-letters?status=OPEN&size=200", Map.of("Authorization", admin));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            letters.clear();
            response.json().path("items").forEach(item -> {
                if (poisonKeys.contains(item.path("key").asText())) {
                    letters.put(item.path("key").asText(), item);
                }
            });
            assertThat(letters.keySet()).containsExactlyInAnyOrderElementsOf(poisonKeys);
        });
        JsonNode letter = letters.values().iterator().next();
        JsonHttp.Response retried = gateway.post("/api/notifications/dead-letters/" + letter.path("id").asText() + "/retry",
                Map.of(), Map.of("Authorization", admin));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(retried.json().path("retries").path(0).path("succeeded").asBoolean()).isFalse();
        report.add("poison: " + letters.size() + " records dead-lettered by notification-service (reason "
                + letter.path("reason").asText() + "); the retry of an unreadable record keeps it OPEN");
    }

    @Test
    @Order(5)
    void workServiceKilledBetweenStoringEventsAndPublishingThem() throws Exception {
        // with the broker frozen every acknowledged command is stored and none can be published: the kill lands
        // between the two for every one of them, not at a random point
        platform.freezeKafka();
        WorkLoad load = new WorkLoad("kill-before-publish", gateway, gateway);
        try {
            load.start(commands(), 3, Duration.ofMillis(100), LOAD_DEADLINE).get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("[faults] %d work requests acknowledged while nothing could be published; killing work-service%n",
                    load.acknowledgedWork.size());
            platform.killService("work-service");
        } finally {
            platform.resumeKafka();
        }
        platform.startService("work-service");
        long faultEnded = System.nanoTime();
        recovered("work-service SIGKILLed between storing and publishing", load, faultEnded);
    }

    @Test
    @Order(6)
    void workServiceKilledMidReplayAndMidProjection() throws Exception {
        // the suite's services replay at most REPLAY_RATE events a second (see startThePlatform), so that the kill
        // lands in the rebuild; the load keeps the live board's processor projecting at the same time
        String admin = orgAdmin();
        String replay = "/api/admin/replay/work-service/work-board";
        WorkLoad load = new WorkLoad("kill-mid-replay", gateway, gateway);
        Future<?> running = load.start(commands(), 3, Duration.ofMillis(300), LOAD_DEADLINE);
        JsonHttp.Response started = gateway.post(replay, Map.of(), Map.of("Authorization", admin));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get(replay, Map.of("Authorization", admin)).json()
                .path("eventsDone").asLong() >= REPLAY_RATE);
        JsonNode before = gateway.get(replay, Map.of("Authorization", admin)).json();
        System.out.printf("[faults] killing work-service mid-replay: %s, %d of %d events%n", before.path("state").asText(),
                before.path("eventsDone").asLong(), before.path("eventsTotal").asLong());
        // RUNNING (reading the history) or SWITCHING (within sitework.replay.switch-distance of the head, the live
        // board's processor paused for the hand-over): both are the middle of a rebuild
        assertThat(before.path("state").asText()).isIn("RUNNING", "SWITCHING");
        platform.killService("work-service");
        platform.startService("work-service");
        long faultEnded = System.nanoTime();
        running.get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        recovered("work-service SIGKILLed mid-replay and mid-projection", load, faultEnded);

        // the interrupted rebuild is reported failed, the live board stayed in use; a new rebuild completes
        await().atMost(RECOVERY_LIMIT).until(() -> "FAILED".equals(gateway.get(replay, Map.of("Authorization", admin)).json()
                .path("state").asText()));
        JsonNode failed = gateway.get(replay, Map.of("Authorization", admin)).json();
        JsonHttp.Response again = gateway.post(replay, Map.of(), Map.of("Authorization", admin));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        await().atMost(RECOVERY_LIMIT).until(() -> "DONE".equals(gateway.get(replay, Map.of("Authorization", admin)).json()
                .path("state").asText()));
        Invariants.Report rebuilt = invariants.check(load);
        report.add("mid-replay: the interrupted rebuild was reported FAILED (" + failed.path("error").asText()
                + "); a new one finished DONE and the rebuilt board holds the invariants: " + rebuilt);
    }

    @Test
    @Order(7)
    void oneOfTwoWorkServiceInstancesKilledUnderLoad() throws Exception {
        // a second instance shares every processor's segments with the first (docs/scaling.md); killed, its claims
        // lapse (10 s) and the first takes its segments over: what it had stored but not yet published or
        // projected must still reach Kafka and the board
        platform.startInstance("work-service", "work-service-2");
        WorkLoad load = new WorkLoad("kill-second-instance", gateway, gateway);
        Future<?> running = load.start(commands(), 3, Duration.ofMillis(300), LOAD_DEADLINE);
        awaitFirstAcknowledgements(load);
        platform.killService("work-service-2");
        long faultEnded = System.nanoTime();
        running.get(LOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        recovered("the second of two work-service instances SIGKILLed under load", load, faultEnded);
    }

    /**
     * Waits (at most 20 s) until the first sixth of the load's work requests are acknowledged, so that a fault injected
     * next lands in the load while most of it is still to come (a fixed pause let the short form's 12 requests finish
     * first on a fast machine).
     */
    private static void awaitFirstAcknowledgements(WorkLoad load) throws InterruptedException {
        int firstAcks = Math.max(1, commands() / 6);
        long waitUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (load.acknowledgedWork.size() < firstAcks && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
    }

    private String orgAdmin() {
        return "Bearer " + gateway.post(DemoSeeder.TOKEN_PATH, Map.of("subject", "faults-admin", "orgAdmin", true), Map.of())
                .json().path("access_token").asText();
    }

    private static int commands() {
        return SHORT ? 12 : 30;
    }

    /** Waits until the invariants hold for {@code load}; records the time since {@code faultEnded}. */
    private void recovered(String scenario, WorkLoad load, long faultEnded) throws Exception {
        if (load.acknowledgedWork.size() < load.keysSent.size()) {
            throw new AssertionError(scenario + ": only " + load.acknowledgedWork.size() + " of " + load.keysSent.size()
                    + " work requests were acknowledged within " + LOAD_DEADLINE);
        }
        long deadline = faultEnded + RECOVERY_LIMIT.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                Invariants.Report seen = invariants.check(load);
                String line = String.format(Locale.ROOT, "%s: invariants hold %.1f s after the fault ended; %s; %d failed attempts retried",
                        scenario, (System.nanoTime() - faultEnded) / 1e9, seen, load.failedAttempts.get());
                report.add(line);
                System.out.println("[faults] " + line);
                return;
            } catch (AssertionError | RuntimeException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        String why = last == null ? "never checked" : String.valueOf(last.getMessage()).lines().findFirst().orElse("");
        report.add(scenario + ": invariants did NOT hold within " + RECOVERY_LIMIT + ": " + why);
        throw new AssertionError(scenario + ": invariants did not hold within " + RECOVERY_LIMIT, last);
    }
}
