package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/work/{id}/history}: every stored event, in order, as its public integration event. */
class WorkHistoryIT extends WorkQueryTestSupport {

    private static List<String> field(JsonNode history, String name) {
        List<String> values = new ArrayList<>();
        history.get("items").forEach(e -> values.add(e.hasNonNull(name) ? e.get(name).asText() : null));
        return values;
    }

    @Test
    void theHistoryListsEveryEventInOrderWithItsActorCorrelationAndPublicType() {
        String site = randomSite();
        Http anna = as("anna", site, Role.PLANNER, Role.TECHNICIAN, Role.SUPERVISOR);
        Http paul = as("paul", site, Role.PLANNER);
        Http tina = as("tina", site, Role.TECHNICIAN);
        String id = create(anna, site, "Inspect conveyor C-4", w -> w.put("description", "Noise at the head pulley"), "X-Correlation-Id", "corr-h-1");
        Http.Response planned = paul.post("/api/work/" + id + "/plan", """
                {"plannedStart":"2030-01-01T08:00:00Z","plannedEnd":"2030-01-01T12:00:00Z","assignees":[{"type":"PERSON","id":"tina"}]}""",
                "X-Correlation-Id", "corr-h-2");
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        String blocker = block(tina, id, "ISOLATION", "Isolate the drive first", "LOTO-9", "X-Correlation-Id", "corr-h-3");
        resolve(tina, id, blocker, "X-Correlation-Id", "corr-h-4");
        command(anna, id, "start", null, "X-Correlation-Id", "corr-h-5");
        assertThat(anna.post("/api/work/" + id + "/comments", "{\"text\":\"Belt tension low\"}", "X-Correlation-Id", "corr-h-6").status())
                .isEqualTo(201);

        Http.Response response = as("alice", site, Role.AUDITOR).get("/api/work/" + id + "/history");
        JsonNode history = ok(response);

        assertThat(history.get("total").asLong()).isEqualTo(6);
        assertThat(response.header("ETag")).isEqualTo("\"5\"");
        assertThat(field(history, "sequence")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(field(history, "type")).containsExactly(
                "io.sitework.work.requested.v1", "io.sitework.work.planned.v1", "io.sitework.work.blocker_raised.v1",
                "io.sitework.work.blocker_resolved.v1", "io.sitework.work.started.v1", "io.sitework.work.comment_added.v1");
        assertThat(field(history, "actor")).containsExactly("anna", "paul", "tina", "tina", "anna", "anna");
        assertThat(field(history, "correlationId")).containsExactly("corr-h-1", "corr-h-2", "corr-h-3", "corr-h-4", "corr-h-5", "corr-h-6");
        List<Instant> times = field(history, "occurredAt").stream().map(Instant::parse).toList();
        assertThat(times).isSorted();
        assertThat(field(history, "id")).doesNotHaveDuplicates().doesNotContainNull();

        JsonNode items = history.get("items");
        assertThat(items.get(0).get("data").get("workId").asText()).isEqualTo(id);
        assertThat(items.get(0).get("data").get("title").asText()).isEqualTo("Inspect conveyor C-4");
        assertThat(items.get(0).get("data").get("requestedBy").asText()).isEqualTo("anna");
        assertThat(items.get(1).get("data").get("assignees").get(0).get("id").asText()).isEqualTo("tina");
        assertThat(items.get(2).get("data").get("blockerId").asText()).isEqualTo(blocker);
        assertThat(items.get(2).get("data").get("type").asText()).isEqualTo("ISOLATION");
        assertThat(items.get(2).get("data").get("reference").asText()).isEqualTo("LOTO-9");
        assertThat(items.get(2).get("data").get("raisedBy").asText()).isEqualTo("tina");
        assertThat(items.get(5).get("data").get("text").asText()).isEqualTo("Belt tension low");
    }

    @Test
    void businessTimeNamedByTheCommandIsKeptApartFromRecordingTime() {
        String site = randomSite();
        Http lead = lead(site);
        String id = create(site, "Morning round", w -> { });
        Instant onSite = Instant.now().minusSeconds(3 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(lead.post("/api/work/" + id + "/comments", "{\"text\":\"Pump P-101 noisy at 06:10\"}",
                "X-Occurred-At", onSite.toString()).status()).isEqualTo(201);

        Http.Response malformed = lead.post("/api/work/" + id + "/comments", "{\"text\":\"when?\"}", "X-Occurred-At", "yesterday");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("X-Occurred-At");
        Http.Response future = lead.post("/api/work/" + id + "/comments", "{\"text\":\"tomorrow\"}",
                "X-Occurred-At", Instant.now().plusSeconds(3600).toString());
        assertThat(future.status()).as(future.body()).isEqualTo(400);

        JsonNode history = ok(lead.get("/api/work/" + id + "/history"));
        assertThat(history.get("total").asLong()).as("refused commands stored nothing").isEqualTo(2);
        JsonNode requested = history.get("items").get(0);
        JsonNode comment = history.get("items").get(1);
        assertThat(requested.get("occurredAt").asText()).as("without the header business time is recording time")
                .isEqualTo(requested.get("recordedAt").asText());
        assertThat(Instant.parse(comment.get("occurredAt").asText())).isEqualTo(onSite);
        assertThat(Instant.parse(comment.get("recordedAt").asText())).isAfter(onSite.plusSeconds(3 * 3600 - 60));
    }

    @Test
    void longHistoriesArePaged() {
        String site = randomSite();
        Http lead = lead(site);
        String id = create(site, "Daily round", w -> { });
        for (int i = 0; i < 4; i++) {
            assertThat(lead.post("/api/work/" + id + "/comments", "{\"text\":\"reading " + i + "\"}").status()).isEqualTo(201);
        }

        JsonNode second = ok(lead.get("/api/work/" + id + "/history?page=1&size=2"));
        assertThat(second.get("total").asLong()).isEqualTo(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(field(second, "sequence")).containsExactly("2", "3");
        assertThat(second.get("items").get(0).get("data").get("text").asText()).isEqualTo("reading 1");
        assertThat(field(ok(lead.get("/api/work/" + id + "/history?page=2&size=2")), "sequence")).containsExactly("4");
        JsonNode beyond = ok(lead.get("/api/work/" + id + "/history?page=9&size=2"));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(field(ok(lead.get("/api/work/" + id + "/history")), "sequence")).as("by default, all of it").hasSize(5);
    }

    @Test
    void strangersAndUnknownWorkAre404AndBadParameters400() {
        String site = randomSite();
        String id = create(site, "Private to the site", w -> { });
        Http stranger = as("sam", randomSite(), Role.values());

        assertProblem(stranger.get("/api/work/" + id + "/history"), 404, null);
        assertThat(stranger.get("/api/work/" + id + "/history").body()).doesNotContain("Private to the site");
        assertProblem(lead(site).get("/api/work/" + UUID.randomUUID() + "/history"), 404, null);
        assertProblem(lead(site).get("/api/work/not-a-uuid/history"), 400, "id");
        assertProblem(lead(site).get("/api/work/" + id + "/history?size=0"), 400, "size");
        assertProblem(lead(site).get("/api/work/" + id + "/history?page=-1"), 400, "page");
        assertThat(http().get("/api/work/" + id + "/history").status()).isEqualTo(401);
        assertThat(as("clara", site, Role.CONTRACTOR).get("/api/work/" + id + "/history").status()).isEqualTo(200);
    }

    @Test
    void changesMadeBySiteworkItselfShowTheSystemActorAndTheCausingCorrelation() {
        String site = randomSite();
        Http lead = lead(site);
        String predecessor = create(site, "Replace bearing", w -> { });
        String dependent = create(lead, site, "Run-in test", w -> w.putArray("dependsOn").add(predecessor), "X-Correlation-Id", "corr-dep-1");
        start(lead, predecessor);
        command(lead, predecessor, "complete", "{}");
        command(lead, predecessor, "close", "{}", "X-Correlation-Id", "corr-close-1");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ok(lead.get("/api/work/" + dependent + "/history")).get("total").asLong()).isEqualTo(3));
        JsonNode history = ok(lead.get("/api/work/" + dependent + "/history"));
        assertThat(field(history, "type")).containsExactly("io.sitework.work.requested.v1", "io.sitework.work.blocker_raised.v1",
                "io.sitework.work.blocker_resolved.v1");
        assertThat(field(history, "correlationId")).containsExactly("corr-dep-1", "corr-dep-1", "corr-close-1");
        assertThat(field(history, "actor")).containsExactly("lea", "lea", "system:dependency-tracker");
        assertThat(history.get("items").get(1).get("data").get("automatic").asBoolean()).isTrue();
        assertThat(history.get("items").get(1).get("data").get("reference").asText()).isEqualTo(predecessor);
        assertThat(history.get("items").get(2).get("data").get("type").asText()).isEqualTo("OTHER_WORK");
    }
}
