package io.sitework.notification;

import io.sitework.support.test.ApiFuzzer;
import io.sitework.support.test.FuzzFindings;
import io.sitework.support.test.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at scale against notification-service: hostile requests generated from its OpenAPI description to
 * every endpoint (inbox, preferences, rules, webhooks and their deliveries, dead letters), as a user with every role
 * on a site and organisation admin. Never a 5xx, every refusal problem+json without internals, and a refused request
 * changes nothing in the service's MongoDB database (its documents, counted after every request). The Kafka
 * listeners stay off, so only the requests write. {@code -Dfuzz.seed=…} replays a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NotificationApiFuzzIT {

    private static final int PER_OPERATION = 16;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification_fuzz");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("spring.kafka.consumer.group-id", () -> "notification-fuzz-it-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private long documents() {
        long total = 0;
        for (String collection : mongo.getCollectionNames()) {
            total += mongo.getCollection(collection).countDocuments(new Document());
        }
        return total;
    }

    @Test
    void hostileRequestsToEveryEndpointAreRefusedCleanlyAndChangeNothing() {
        String site = TestEvents.SITE;
        String token = ApiFuzzer.everyRoleToken(site);
        ApiFuzzer fuzzer = new ApiFuzzer("http://127.0.0.1:" + port, token).withKnownId("siteId", () -> site);
        long[] last = {documents()};
        FuzzFindings findings = new FuzzFindings(correlationId -> {
            long now = documents();
            long added = now - last[0];
            last[0] = now;
            return Math.abs(added);
        });
        fuzzer.fuzzEveryOperation("notification-service", 8, PER_OPERATION, findings);
        findings.assertNone(fuzzer.seed());
    }
}
