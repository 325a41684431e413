package io.sitework.notification;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.work.WorkOverdue;
import io.sitework.events.work.WorkRequested;
import io.sitework.notification.audience.WorkAudience;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.timers.TimerWorker;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.MutableClock;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules' MongoDB queries on a real MongoDB (role holders by site, views saved forward only,
 * timers claimed with findAndModify over an $or, sorted) and a real broker: overdue work reaches its
 * owner, then the site's supervisor after the delay. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitework.notification.scheduling.enabled=false")
class NotificationRulesContainersIT {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("sitework_notification"));
        registry.add("sitework.security.issuer", () -> TestTokens.ISSUER);
        registry.add("sitework.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    private static KafkaTestClient kafka;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    InboxStore inbox;
    @Autowired
    TimerWorker timers;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(KAFKA.getBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void overdueWorkEscalatesToTheSitesSupervisorAfterTheDelay() {
        String site = UUID.randomUUID().toString();
        String owner = "u-" + UUID.randomUUID();
        String supervisor = "u-" + UUID.randomUUID();
        assertThat(new Http("http://127.0.0.1:" + port).as(TestTokens.forSite(supervisor, site, Role.SUPERVISOR))
                .get("/api/notifications/preferences").status()).isEqualTo(200);
        String work = UUID.randomUUID().toString();
        kafka.publish(Topics.WORK, CloudEvent.of(EventCatalog.WORK_REQUESTED, UUID.randomUUID().toString(), START.minusSeconds(3600), 0, null,
                "u-anna", new WorkRequested(work, site, "CLEANING", "Clean bay 3", null, "LOW", owner, "u-anna", START.minusSeconds(60),
                        List.of(), List.of(), List.of(), null, null, null, null)));
        kafka.publish(Topics.WORK, CloudEvent.of(EventCatalog.WORK_OVERDUE, UUID.randomUUID().toString(), START, 1, null, "sitework",
                new WorkOverdue(work, site, START.minusSeconds(60), owner)));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            WorkAudience view = mongo.findById(work, WorkAudience.class);
            return view != null && view.lastSequence == 1;
        });
        assertThat(titles(owner)).contains("Overdue: Clean bay 3");

        clock.set(START.plus(Duration.ofHours(4)));
        assertThat(timers.tick()).isEqualTo(1);
        assertThat(timers.tick()).isZero();
        assertThat(titles(supervisor)).containsExactly("Still overdue: Clean bay 3");
    }

    private List<String> titles(String userId) {
        return inbox.findFor(userId, false, 0, 50).items().stream().map(InboxEntry::title).toList();
    }
}
