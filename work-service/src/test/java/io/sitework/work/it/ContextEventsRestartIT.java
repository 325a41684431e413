package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.UUID;

import static io.sitework.work.it.ContextEvents.permitIssued;
import static io.sitework.work.it.ContextEvents.permitRequested;
import static io.sitework.work.it.ContextEvents.permitResumed;
import static io.sitework.work.it.ContextEvents.permitSuspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A permit suspended while work-service is down still blocks the work once it is back, exactly once:
 * the consumer group resumes from its committed offset, and a record delivered again is recognised.
 */
class ContextEventsRestartIT {

    private final WorkServiceRuns runs = new WorkServiceRuns("work_context_restart");
    private final String site = UUID.randomUUID().toString();
    private final String token = TestTokens.forSite("anna", site, Role.PLANNER, Role.TECHNICIAN);
    private ConfigurableApplicationContext context;
    private final KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        kafka.close();
    }

    private static long count(Http http, String work, String type) {
        JsonNode items = http.get("/api/work/" + work + "/history?size=200").json().get("items");
        long n = 0;
        for (JsonNode item : items) {
            if (item.get("type").asText().equals(type)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aSuspensionPublishedWhileWorkServiceIsDownBlocksTheWorkOnceAfterTheRestart() {
        context = runs.start();
        Http http = WorkServiceRuns.http(context, token);
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Weld support bracket","priority":"HIGH","requiredPermitTypes":["HOT_WORK"]}"""
                .formatted(site));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String work = created.json().get("id").asText();
        assertThat(http.post("/api/work/" + work + "/plan", "{\"plannedStart\":\"2099-12-01T07:00:00Z\",\"plannedEnd\":\"2099-12-01T12:00:00Z\"}")
                .status()).isEqualTo(200);
        String permit = UUID.randomUUID().toString();
        kafka.publish(Topics.CONTEXT, permitRequested(site, permit, work));
        kafka.publish(Topics.CONTEXT, permitIssued(site, permit, work, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/work/" + work + "/start", "").status() == 200);

        context.close();
        CloudEvent suspended = permitSuspended(site, permit, work, 5);
        kafka.publish(Topics.CONTEXT, suspended);
        // the broker may hand the same record out again (e.g. an offset not committed before a crash)
        kafka.publish(Topics.CONTEXT, ContextEvents.cloudEvent(EventCatalog.PERMIT_SUSPENDED, suspended.id(), 5, suspended.data()));

        context = runs.start();
        Http again = WorkServiceRuns.http(context, token);
        await().atMost(Duration.ofSeconds(60)).until(() -> again.get("/api/work/" + work).json().get("blocked").asBoolean());
        assertThat(count(again, work, "io.sitework.work.blocker_raised.v1")).isEqualTo(1);

        kafka.publish(Topics.CONTEXT, permitResumed(site, permit, work, 6));
        await().atMost(Duration.ofSeconds(30)).until(() -> !again.get("/api/work/" + work).json().get("blocked").asBoolean());
        assertThat(count(again, work, "io.sitework.work.blocker_raised.v1")).isEqualTo(1);
        assertThat(count(again, work, "io.sitework.work.blocker_resolved.v1")).isEqualTo(1);
        assertThat(count(again, work, "io.sitework.work.permit_status_changed.v1")).isEqualTo(3);
    }
}
