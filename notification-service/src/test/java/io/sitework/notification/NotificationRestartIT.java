package io.sitework.notification;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkStarted;
import io.sitework.infra.MailSink;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.webhook.WebhookDelivery;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import io.sitework.support.security.Role;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.ServiceRuns;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service stopped in the middle of a stream and started again on the same databases and
 * consumer group, with more events published while it was down: every (event, recipient, channel) is
 * delivered exactly once — no inbox entry, e-mail or webhook delivery missing, none twice.
 */
class NotificationRestartIT {

    private static final int WORKS = 60;
    private static final String SITE = UUID.randomUUID().toString();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static KafkaTestClient kafka;
    private static MailSink mail;
    private static HttpServer receiver;
    private static final List<String> webhookIds = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void infrastructure() {
        kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
        mail = MailSink.start("127.0.0.1", 0, 0);
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void close() {
        kafka.close();
        mail.close();
        receiver.stop(0);
    }

    @Test
    void aRestartMidStreamLosesNoNotificationAndDoublesNone() throws Exception {
        ServiceRuns runs = new ServiceRuns(NotificationServiceApplication.class, "notification_restart");
        List<String> owners = List.of("u-" + UUID.randomUUID(), "u-" + UUID.randomUUID(), "u-" + UUID.randomUUID());
        List<CloudEvent> events = new ArrayList<>();
        Map<String, String> ownerOfEvent = new HashMap<>();
        Instant time = Instant.now();
        for (int i = 0; i < WORKS; i++) {
            String work = UUID.randomUUID().toString();
            String owner = owners.get(i % owners.size());
            CloudEvent requested = CloudEvent.of(EventCatalog.WORK_REQUESTED, UUID.randomUUID().toString(), time, 0, null, "u-anna",
                    new WorkRequested(work, SITE, "CLEANING", "Clean line " + i, null, "LOW", owner, "u-anna", null, List.of(), List.of(),
                            List.of(), null, null, null, null));
            CloudEvent started = CloudEvent.of(EventCatalog.WORK_STARTED, UUID.randomUUID().toString(), time.plusSeconds(1), 1, null,
                    "u-tech", new WorkStarted(work, SITE, "u-tech"));
            events.add(requested);
            events.add(started);
            ownerOfEvent.put(requested.id(), owner);
            ownerOfEvent.put(started.id(), owner);
        }

        ConfigurableApplicationContext first = start(runs);
        String admin = TestTokens.forSite("u-sam", SITE, Role.SITE_ADMIN);
        assertThat(ServiceRuns.http(first, admin).post("/api/webhooks", "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[\"" + SITE + "\"]}").status()).isEqualTo(201);
        for (String owner : owners) {
            assertThat(ServiceRuns.http(first, TestTokens.forSite(owner, SITE, Role.TECHNICIAN))
                    .request("PUT", "/api/notifications/preferences", "{\"email\":\"" + owner + "@north.example\"}").status()).isEqualTo(200);
        }
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        int half = events.size() / 2;
        events.subList(0, half).forEach(e -> kafka.publish(Topics.WORK, e));
        await().atMost(PATIENCE).until(() -> mongo.count(ours(), InboxEntry.class) >= 10);
        long storedBeforeTheRestart = mongo.count(ours(), InboxEntry.class);
        first.close();

        events.subList(half, events.size()).forEach(e -> kafka.publish(Topics.WORK, e));
        ConfigurableApplicationContext second = start(runs);
        try {
            MongoTemplate again = second.getBean(MongoTemplate.class);
            await().atMost(PATIENCE).until(() -> again.count(ours(), InboxEntry.class) >= events.size());
            await().atMost(PATIENCE).until(() -> mailsTo(owners).size() >= WORKS);
            await().atMost(PATIENCE).until(() -> webhookIds.size() >= events.size());

            List<InboxEntry> entries = again.find(ours(), InboxEntry.class);
            assertThat(storedBeforeTheRestart).as("the first run was stopped mid-stream").isBetween(10L, (long) events.size() - 1);
            assertThat(entries).hasSize(events.size());
            Set<String> seen = new HashSet<>();
            for (InboxEntry entry : entries) {
                assertThat(seen.add(entry.eventId() + "|" + entry.userId())).as("one entry per event and recipient").isTrue();
                assertThat(entry.userId()).isEqualTo(ownerOfEvent.get(entry.eventId()));
            }
            assertThat(seen).hasSize(events.size());

            List<String> messageIds = mailsTo(owners);
            assertThat(messageIds).as("one e-mail per work assigned (started goes to the inbox only)").hasSize(WORKS);
            assertThat(new HashSet<>(messageIds)).as("no e-mail sent twice").hasSize(WORKS);

            assertThat(again.count(Query.query(Criteria.where("siteId").is(SITE)), WebhookDelivery.class))
                    .as("one webhook delivery per event").isEqualTo(events.size());
            assertThat(new HashSet<>(webhookIds)).as("every event reached the subscriber").hasSize(events.size());
            assertThat(webhookIds).as("none twice").hasSize(events.size());
        } finally {
            second.close();
        }
    }

    /** The topic holds what other test classes of this JVM published too: only this test's site counts. */
    private static Query ours() {
        return Query.query(Criteria.where("siteId").is(SITE));
    }

    private static ConfigurableApplicationContext start(ServiceRuns runs) {
        return runs.start("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.smtpPort(),
                "--sitework.notification.email.poll-interval=PT0.2S", "--sitework.notification.webhooks.poll-interval=PT0.2S");
    }

    private static List<String> mailsTo(List<String> owners) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : mail.receivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (owners.stream().anyMatch(to::contains)) {
                ids.add(message.getMessageID());
            }
        }
        return ids;
    }
}
