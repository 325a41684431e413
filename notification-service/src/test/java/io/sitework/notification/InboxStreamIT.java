package io.sitework.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.notification.web.StreamRegistry;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream over real HTTP, fed by events on the shared in-process Kafka broker and stored in the
 * in-process MongoDB: what a portal sees, when, and what it never sees. The context is closed after the class:
 * its consumer would otherwise go on reading (and dead-lettering) what later test classes publish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitework.notification.stream.poll-interval=PT0.1S",
        "sitework.notification.stream.heartbeat=PT0.2S",
        "sitework.notification.stream.max-per-user=2"
})
@AutoConfigureObservability
@DirtiesContext
class InboxStreamIT {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static KafkaTestClient kafka;

    @LocalServerPort
    private int port;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private StreamRegistry streams;
    @Value("${spring.data.mongodb.uri}")
    private String mongoUri;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification_stream");
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void aNewEntryArrivesLiveWithItsSeqAsIdFollowedByTheCounts() {
        String anna = user("anna");
        try (SseClient stream = stream(anna)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertCounts(stream.next(SOON), 0, 0);
            double deliveredBefore = deliveredToStreams();

            CloudEvent event = TestEvents.workRequested(TestEvents.newId(), anna);
            kafka.publish(Topics.WORK, event);

            SseClient.Event notification = stream.next(SOON);
            assertThat(notification.event()).isEqualTo("notification");
            JsonNode view = notification.json();
            assertThat(view.get("eventId").asText()).isEqualTo(event.id());
            assertThat(view.get("userId").asText()).isEqualTo(anna);
            assertThat(view.get("title").asText()).isEqualTo("New work assigned to you: Replace mechanical seal on P-101");
            assertThat(view.get("read").asBoolean()).isFalse();
            assertThat(notification.id()).isEqualTo(view.get("seq").asText()).matches("[1-9][0-9]*");
            assertCounts(stream.next(SOON), 1, 1);
            assertThat(deliveredToStreams() - deliveredBefore).isEqualTo(1.0);
            // the inbox listing shows the same number
            assertThat(inbox(anna).get("items").get(0).get("seq").asText()).isEqualTo(notification.id());
        }
    }

    @Test
    void aReconnectWithLastEventIdReplaysExactlyWhatWasMissedOldestFirstThenGoesOnLive() {
        String anna = user("anna");
        String workId = TestEvents.newId(); // one key: one partition, so the events are stored in publication order
        CloudEvent first = TestEvents.workRequested(workId, anna, TestEvents.TIME, 0);
        String firstId;
        try (SseClient stream = stream(anna)) {
            stream.next("counts", SOON);
            kafka.publish(Topics.WORK, first);
            firstId = stream.next("notification", SOON).id();
        }

        CloudEvent second = TestEvents.workRequested(workId, anna, TestEvents.TIME, 1);
        CloudEvent third = TestEvents.workRequested(workId, anna, TestEvents.TIME, 2);
        kafka.publish(Topics.WORK, second);
        kafka.publish(Topics.WORK, third);
        await().atMost(SOON).untilAsserted(() -> assertThat(counts(anna).get("total").asLong()).isEqualTo(3));

        String thirdId;
        try (SseClient resumed = stream(anna, "Last-Event-ID", firstId)) {
            List<SseClient.Event> missed = List.of(resumed.next("notification", SOON), resumed.next("notification", SOON));
            assertThat(missed).extracting(e -> e.json().get("eventId").asText()).containsExactly(second.id(), third.id());
            assertThat(Long.parseLong(missed.get(0).id())).isGreaterThan(Long.parseLong(firstId));
            assertThat(Long.parseLong(missed.get(1).id())).isGreaterThan(Long.parseLong(missed.get(0).id()));
            thirdId = missed.get(1).id();
            await().atMost(SOON).untilAsserted(() -> assertThat(resumed.pending()).extracting(SseClient.Event::event)
                    .contains("counts").doesNotContain("notification"));
        }

        // a client that cannot set headers names the id as a parameter
        try (SseClient byParameter = stream(anna, "?lastEventId=" + firstId.trim())) {
            assertThat(byParameter.next("notification", SOON).json().get("eventId").asText()).isEqualTo(second.id());
            assertThat(byParameter.next("notification", SOON).json().get("eventId").asText()).isEqualTo(third.id());
        }

        // without Last-Event-ID nothing is replayed: the counts, then only what is new
        try (SseClient fresh = stream(anna); SseClient upToDate = stream(anna, "Last-Event-ID", thirdId)) {
            assertCounts(fresh.next(SOON), 3, 3);
            assertCounts(upToDate.next(SOON), 3, 3);
            CloudEvent fourth = TestEvents.workRequested(workId, anna, TestEvents.TIME, 3);
            kafka.publish(Topics.WORK, fourth);
            assertThat(fresh.next(SOON).json().get("eventId").asText()).isEqualTo(fourth.id());
            assertThat(upToDate.next(SOON).json().get("eventId").asText()).isEqualTo(fourth.id());
        }
    }

    @Test
    void anotherUsersEntriesNeverAppearNotLiveAndNotInAReplay() {
        String anna = user("anna");
        String bruno = user("bruno");
        String workId = TestEvents.newId();
        try (SseClient annas = stream(anna); SseClient brunos = stream(bruno)) {
            annas.next("counts", SOON);
            brunos.next("counts", SOON);
            CloudEvent forBruno = TestEvents.workRequested(workId, bruno, TestEvents.TIME, 0);
            CloudEvent forAnna = TestEvents.workRequested(workId, anna, TestEvents.TIME, 1);
            CloudEvent forBrunoAgain = TestEvents.workRequested(workId, bruno, TestEvents.TIME, 2);
            CloudEvent forAnnaAgain = TestEvents.workRequested(workId, anna, TestEvents.TIME, 3);
            for (CloudEvent event : List.of(forBruno, forAnna, forBrunoAgain, forAnnaAgain)) {
                kafka.publish(Topics.WORK, event);
            }

            // stored in this order and pushed in it: anna's second entry comes right after her first
            assertThat(annas.next("notification", SOON).json().get("eventId").asText()).isEqualTo(forAnna.id());
            assertThat(annas.next("notification", SOON).json().get("eventId").asText()).isEqualTo(forAnnaAgain.id());
            assertThat(brunos.next("notification", SOON).json().get("eventId").asText()).isEqualTo(forBruno.id());
            assertThat(brunos.next("notification", SOON).json().get("eventId").asText()).isEqualTo(forBrunoAgain.id());
        }
        try (SseClient replay = stream(bruno, "Last-Event-ID", "0")) {
            List<String> owners = new ArrayList<>();
            owners.add(replay.next("notification", SOON).json().get("userId").asText());
            owners.add(replay.next("notification", SOON).json().get("userId").asText());
            assertCounts(replay.next(SOON), 2, 2);
            assertThat(owners).containsOnly(bruno);
        }
    }

    @Test
    void countsAndReadAllKeepFirstReadTimesAndTellTheOpenStream() {
        String carla = user("carla");
        String workId = TestEvents.newId();
        for (int i = 0; i < 3; i++) {
            kafka.publish(Topics.WORK, TestEvents.workRequested(workId, carla, TestEvents.TIME, i));
        }
        await().atMost(SOON).untilAsserted(() -> assertThat(counts(carla).get("total").asLong()).isEqualTo(3));
        assertThat(counts(carla).get("unread").asLong()).isEqualTo(3);
        String readFirst = inbox(carla).get("items").get(2).get("id").asText();
        Http.Response read = http(carla).post("/api/notifications/" + readFirst + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        String firstReadAt = read.json().get("readAt").asText();
        assertThat(counts(carla).get("unread").asLong()).isEqualTo(2);

        try (SseClient stream = stream(carla)) {
            assertCounts(stream.next(SOON), 2, 3);

            Http.Response all = http(carla).post("/api/notifications/read-all", null);

            assertThat(all.status()).as(all.body()).isEqualTo(200);
            assertThat(all.json().get("marked").asLong()).isEqualTo(2);
            assertCounts(stream.next(SOON), 0, 3);
        }
        assertThat(counts(carla).get("unread").asLong()).isZero();
        assertThat(counts(carla).get("total").asLong()).isEqualTo(3);
        assertThat(http(carla).post("/api/notifications/read-all", null).json().get("marked").asLong()).isZero();
        JsonNode items = inbox(carla).get("items");
        assertThat(items.get(2).get("readAt").asText()).as("the first read time is kept").isEqualTo(firstReadAt);
        assertThat(items.findValuesAsText("read")).containsOnly("true");
        // nobody else's entries were touched, and nobody else's counts include carla's
        assertThat(counts(user("dora")).get("total").asLong()).isZero();
    }

    @Test
    void aUsersStreamsAreLimitedAndTheOldestIsClosedTellingWhy() throws Exception {
        String anna = user("anna");
        try (SseClient oldest = stream(anna); SseClient second = stream(anna)) {
            oldest.next("counts", SOON);
            second.next("counts", SOON);

            try (SseClient third = stream(anna)) {
                third.next("counts", SOON);

                SseClient.Event closed = oldest.next("closed", SOON);
                assertThat(closed.json().get("reason").asText()).isEqualTo("too-many-streams");
                assertThat(oldest.awaitEnd(SOON)).isTrue();

                CloudEvent event = TestEvents.workRequested(TestEvents.newId(), anna);
                kafka.publish(Topics.WORK, event);
                assertThat(second.next("notification", SOON).json().get("eventId").asText()).isEqualTo(event.id());
                assertThat(third.next("notification", SOON).json().get("eventId").asText()).isEqualTo(event.id());
            }
        }
    }

    @Test
    void idleStreamsGetHeartbeatsAndClosedOnesAreForgotten() throws Exception {
        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(stream(user("idle")));
        }
        for (SseClient client : clients) {
            assertThat(client.nextComment(SOON)).isEqualTo("heartbeat");
        }
        assertThat(streams.size()).isGreaterThanOrEqualTo(3);
        assertThat(prometheus()).contains("sitework_notifications_stream_connections");

        clients.forEach(SseClient::close);

        // a heartbeat to a closed connection fails, and the connection is dropped
        await().atMost(SOON).untilAsserted(() -> assertThat(streams.size()).isZero());
        assertThat(meters.get(StreamRegistry.CONNECTIONS_METRIC).gauge().value()).isZero();
    }

    @Test
    void aBadLastEventIdIsABadRequestProblemAndNoTokenIs401() throws Exception {
        String anna = user("anna");
        try (SseClient bad = stream(anna, "Last-Event-ID", "yesterday")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
            assertThat(bad.body(SOON)).contains("Last-Event-ID").doesNotContain("Exception");
        }
        try (SseClient bad = stream(anna, "?lastEventId=-3")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body(SOON)).contains("lastEventId");
        }
        try (SseClient anonymous = SseClient.connect(URI.create(base() + "/api/notifications/stream"))) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void anEntryStoredByAnotherInstanceReachesAStreamOpenOnThisOne() throws Exception {
        String erik = user("erik");
        // a second instance on the same database, not consuming: its streams can only learn from the database
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().getBrokersAsString(),
                "--spring.kafka.listener.auto-startup=false",
                "--sitework.security.issuer=" + TestTokens.ISSUER,
                "--sitework.security.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--sitework.security.audience=" + TestTokens.AUDIENCE,
                "--sitework.notification.stream.poll-interval=PT0.1S")) {
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            URI onOther = URI.create("http://127.0.0.1:" + otherPort + "/api/notifications/stream");
            try (SseClient stream = SseClient.connect(onOther, "Authorization", "Bearer " + token(erik))) {
                assertCounts(stream.next(SOON), 0, 0);

                CloudEvent event = TestEvents.workRequested(TestEvents.newId(), erik);
                kafka.publish(Topics.WORK, event);

                assertThat(stream.next("notification", SOON).json().get("eventId").asText()).isEqualTo(event.id());
            }
        }
    }

    private SseClient stream(String userId, String... headerOrQuery) {
        String query = headerOrQuery.length == 1 ? headerOrQuery[0] : "";
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token(userId)));
        if (headerOrQuery.length == 2) {
            headers.addAll(List.of(headerOrQuery));
        }
        return SseClient.connect(URI.create(base() + "/api/notifications/stream" + query), headers.toArray(String[]::new));
    }

    private static void assertCounts(SseClient.Event event, long unread, long total) {
        assertThat(event.event()).as(event.toString()).isEqualTo("counts");
        assertThat(event.id()).as("counts do not move the client's last event id").isNull();
        assertThat(event.json().get("unread").asLong()).as(event.data()).isEqualTo(unread);
        assertThat(event.json().get("total").asLong()).as(event.data()).isEqualTo(total);
    }

    private JsonNode counts(String userId) {
        Http.Response response = http(userId).get("/api/notifications/counts");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode inbox(String userId) {
        Http.Response response = http(userId).get("/api/notifications");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String prometheus() {
        return new Http(base()).get("/actuator/prometheus").body();
    }

    private double deliveredToStreams() {
        return meters.get("sitework.notifications.delivered").tag("channel", "stream").counter().count();
    }

    private Http http(String userId) {
        return new Http(base()).as(token(userId));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String user(String name) {
        return "u-" + name + "-" + UUID.randomUUID();
    }

    private static String token(String userId) {
        return TestTokens.forSite(userId, TestEvents.SITE, Role.TECHNICIAN);
    }
}
