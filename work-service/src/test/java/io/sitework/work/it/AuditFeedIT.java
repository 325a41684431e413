package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/audit/feed|export|republish/work}: a site's events, exactly and in global order, page by page
 * and across a restart of the service from a saved cursor; the export's CloudEvents are the feed's events;
 * re-publication sends them to Kafka again under the same ids.
 */
class AuditFeedIT {

    private static final String SETTLE = "--sitework.audit.feed.settle=PT1S";

    private final WorkServiceRuns runs = new WorkServiceRuns("work_audit_feed");
    private final String siteA = UUID.randomUUID().toString();
    private final String siteB = UUID.randomUUID().toString();
    private final String admin = TestTokens.orgAdmin("olga");
    private final String auditor = TestTokens.forSite("audrey", siteA, Role.AUDITOR);
    private final List<String> workOfA = new ArrayList<>();
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theFeedOfASiteIsExactlyItsEventsInGlobalOrderAcrossPagesAndARestart() {
        context = runs.start(SETTLE);
        Http olga = WorkServiceRuns.http(context, admin);
        for (int i = 0; i < 3; i++) {
            workOfA.add(work(olga, siteA, i % 2 == 0));
            work(olga, siteB, true);
        }
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(runs.jdbcUrl, TestInfrastructure.APP_ROLE, ""));
        List<String> expected = eventsOf(db, workOfA);
        assertThat(expected).hasSize(5);

        Http audrey = WorkServiceRuns.http(context, auditor);
        awaitSettled(audrey, null, expected.size());
        Paged first = drain(audrey, null, 2);
        assertThat(first.ids).containsExactlyElementsOf(expected);
        assertThat(first.pages).as("pages of two").isEqualTo(3);

        context.close();
        context = runs.start(SETTLE);
        olga = WorkServiceRuns.http(context, admin);
        audrey = WorkServiceRuns.http(context, auditor);
        List<String> before = List.copyOf(workOfA);
        workOfA.add(work(olga, siteA, true));
        work(olga, siteB, false);
        workOfA.add(work(olga, siteA, false));
        List<String> all = eventsOf(db, workOfA);
        List<String> added = all.subList(expected.size(), all.size());
        assertThat(eventsOf(db, before)).isEqualTo(expected);
        assertThat(added).hasSize(3);

        awaitSettled(audrey, first.cursor, added.size());
        Paged resumed = drain(audrey, first.cursor, 2);
        assertThat(resumed.ids).as("continued from the saved cursor: nothing missed, nothing repeated").containsExactlyElementsOf(added);
        assertThat(drain(audrey, null, 1000).ids).containsExactlyElementsOf(all);

        Http.Response export = audrey.get("/api/audit/export/work?siteId=" + siteA);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains(".ndjson");
        List<CloudEvent> exported = Arrays.stream(export.body().split("\n")).map(CloudEventCodec::fromJson).toList();
        assertThat(exported).extracting(CloudEvent::id).containsExactlyElementsOf(all);
        assertThat(exported).allSatisfy(e -> assertThat(e.siteid()).isEqualTo(siteA));

        Http.Response republished = olga.post("/api/audit/republish/work", "{\"siteId\":\"" + siteA + "\"}");
        assertThat(republished.status()).as(republished.body()).isEqualTo(200);
        assertThat(republished.json().get("published").asInt()).isEqualTo(all.size());
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String workId : workOfA) {
                    List<ConsumerRecord<String, byte[]>> records = kafka.recordsWithKey("sitework.work.v1", workId);
                    for (String id : eventsOf(db, List.of(workId))) {
                        List<String> values = records.stream().filter(r -> CloudEventCodec.fromBytes(r.value()).id().equals(id))
                                .map(r -> new String(r.value())).distinct().toList();
                        long copies = records.stream().filter(r -> CloudEventCodec.fromBytes(r.value()).id().equals(id)).count();
                        assertThat(copies).as("published, then re-published: " + id).isGreaterThanOrEqualTo(2);
                        assertThat(values).as("the same CloudEvent each time").hasSize(1);
                    }
                }
            });
        }
        Http.Response rest = olga.post("/api/audit/republish/work",
                "{\"siteId\":\"" + siteA + "\",\"after\":\"" + republished.json().get("next").asText() + "\"}");
        assertThat(rest.json().get("published").asInt()).as("nothing after the end").isZero();
    }

    @Test
    void badCursorsLimitsAndStrangersAreRefused() {
        context = runs.start(SETTLE);
        Http audrey = WorkServiceRuns.http(context, auditor);
        assertBadRequest(audrey.get("/api/audit/feed/work?siteId=" + siteA + "&after=bogus"), "after");
        assertBadRequest(audrey.get("/api/audit/feed/work?siteId=" + siteA + "&limit=1001"), "limit");
        assertBadRequest(audrey.get("/api/audit/feed/work?siteId=" + siteA + "&limit=0"), "limit");
        assertBadRequest(audrey.get("/api/audit/export/work?siteId=" + siteA + "&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), "to");
        assertThat(audrey.get("/api/audit/feed/work?siteId=" + siteB).status()).isEqualTo(403);
        assertThat(audrey.post("/api/audit/republish/work", "{\"siteId\":\"" + siteA + "\"}").status()).isEqualTo(403);
        Http olga = WorkServiceRuns.http(context, admin);
        assertBadRequest(olga.post("/api/audit/republish/work", "{\"siteId\":\"" + siteA + "\",\"after\":\"x\"}"), "after");
        assertBadRequest(olga.post("/api/audit/republish/work", "{}"), "siteId");
    }

    private static void assertBadRequest(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"" + field + "\"").doesNotContain("Exception");
    }

    private record Paged(List<String> ids, String cursor, int pages) {
    }

    /** Pages through the feed from {@code after} until an empty page, checking each page's shape. */
    private Paged drain(Http http, String after, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = after;
        int pages = 0;
        while (true) {
            Http.Response response = http.get("/api/audit/feed/work?siteId=" + siteA + "&limit=" + limit
                    + (cursor == null ? "" : "&after=" + cursor));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = response.json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            cursor = page.get("next").asText();
            if (page.get("items").isEmpty()) {
                return new Paged(ids, cursor, pages);
            }
            pages++;
            page.get("items").forEach(item -> {
                assertThat(item.get("type").asText()).startsWith("io.sitework.work.");
                assertThat(item.get("subject").asText()).isEqualTo(item.get("aggregateId").asText());
                ids.add(item.get("id").asText());
            });
        }
    }

    private void awaitSettled(Http http, String after, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> drain(http, after, 1000).ids.size() == count);
    }

    /** A work item created (and planned, if asked) on the site by the org admin; returns its id. */
    private static String work(Http http, String site, boolean plan) {
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"OTHER","title":"Audit feed sample","priority":"LOW"}""".formatted(site));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        if (plan) {
            Http.Response planned = http.post("/api/work/" + id + "/plan", WorkApiIT.PLAN);
            assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        }
        return id;
    }

    /** The stored events of these aggregates in the store's global order, read independently of the feed. */
    private static List<String> eventsOf(JdbcTemplate db, List<String> aggregateIds) {
        return db.queryForList("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ANY (?) ORDER BY globalindex",
                String.class, (Object) aggregateIds.toArray(new String[0]));
    }
}
