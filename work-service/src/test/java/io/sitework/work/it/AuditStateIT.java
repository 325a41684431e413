package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/audit/state/work}: a site's work as of an instant, checked at many instants against a
 * brute-force replay of the items' public histories with a status table of its own (not the production fold).
 */
class AuditStateIT extends WorkQueryTestSupport {

    /** What each public event type does to a work item's status in the brute force. */
    private static final Map<String, String> STATUS_AFTER = Map.of(
            "io.sitework.work.requested.v1", "REQUESTED",
            "io.sitework.work.planned.v1", "PLANNED",
            "io.sitework.work.started.v1", "IN_PROGRESS",
            "io.sitework.work.put_on_hold.v1", "ON_HOLD",
            "io.sitework.work.resumed.v1", "IN_PROGRESS",
            "io.sitework.work.completed.v1", "DONE",
            "io.sitework.work.closed.v1", "CLOSED",
            "io.sitework.work.reopened.v1", "IN_PROGRESS",
            "io.sitework.work.rejected.v1", "REJECTED",
            "io.sitework.work.cancelled.v1", "CANCELLED");
    private static final List<String> ACTIVE = List.of("REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD");

    private record Event(String workId, Instant at, String type, JsonNode data) {
    }

    @Test
    void theStateAtAnyInstantIsWhatTheHistoriesSayItWas() {
        String site = randomSite();
        Http lead = lead(site);
        String held = create(site, "Replace pump seal", w -> w.put("ownerId", "bruno"));
        String blocked = create(site, "Weld bracket", w -> w.put("kind", "MAINTENANCE_CORRECTIVE"));
        String due = create(site, "Daily gas test", w -> w.put("dueAt", Instant.now().plusMillis(1500).toString()));
        String closed = create(site, "Grease bearings", w -> { });
        String cancelled = create(site, "Paint railing", w -> { });

        start(lead, held);
        String isolation = block(lead, blocked, "ISOLATION", "Isolate the line first", "LOTO-1");
        command(lead, held, "hold", "{\"reason\":\"Waiting for parts\"}");
        start(lead, closed);
        block(lead, blocked, "PARTS", "No rods", null);
        command(lead, cancelled, "cancel", "{\"reason\":\"Not needed\"}");
        command(lead, held, "resume", null);
        resolve(lead, blocked, isolation);
        command(lead, closed, "complete", "{}");
        command(lead, closed, "reopen", "{\"reason\":\"Leak again\"}");
        start(lead, due);
        command(lead, closed, "complete", "{}");
        command(lead, closed, "close", "{}");
        Instant dueAt = Instant.parse(ok(lead.get("/api/work/" + due)).get("dueAt").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(dueAt.plusMillis(200)));

        Http auditor = as("audrey", site, Role.AUDITOR);
        List<Event> events = new ArrayList<>();
        for (String id : List.of(held, blocked, due, closed, cancelled)) {
            for (JsonNode entry : ok(auditor.get("/api/work/" + id + "/history")).get("items")) {
                events.add(new Event(id, Instant.parse(entry.get("occurredAt").asText()), entry.get("type").asText(), entry.get("data")));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        Instant first = events.get(0).at();
        Instant last = events.get(events.size() - 1).at().isAfter(dueAt) ? events.get(events.size() - 1).at() : dueAt;

        List<Instant> instants = new ArrayList<>();
        for (Event event : events) {
            instants.add(event.at());
            instants.add(event.at().minusNanos(1000));
        }
        instants.add(dueAt);
        instants.add(dueAt.minusNanos(1000));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long span = Duration.between(first, last).toNanos() + 100_000_000L;
        for (int i = 0; i < 40; i++) {
            instants.add(first.minusMillis(50).plusNanos((long) (random.nextDouble() * span) / 1000 * 1000));
        }

        for (Instant at : instants) {
            JsonNode actual = ok(auditor.get("/api/audit/state/work?siteId=" + site + "&asOf=" + enc(at.toString())));
            assertMatchesBruteForce(actual, events, at, "at " + at + " (seed " + seed + ")");
        }
    }

    private static void assertMatchesBruteForce(JsonNode actual, List<Event> events, Instant at, String description) {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, Instant> dueAt = new LinkedHashMap<>();
        Map<String, Map<String, String>> openBlockers = new LinkedHashMap<>();
        for (Event event : events) {
            if (event.at().isAfter(at)) {
                continue;
            }
            String type = event.type();
            if (STATUS_AFTER.containsKey(type)) {
                status.put(event.workId(), STATUS_AFTER.get(type));
            }
            if (type.equals("io.sitework.work.requested.v1") || type.equals("io.sitework.work.due_date_changed.v1")) {
                dueAt.put(event.workId(), event.data().hasNonNull("dueAt") ? Instant.parse(event.data().get("dueAt").asText()) : null);
            }
            Map<String, String> blockers = openBlockers.computeIfAbsent(event.workId(), k -> new TreeMap<>());
            if (type.equals("io.sitework.work.blocker_raised.v1")) {
                blockers.put(event.data().get("blockerId").asText(), event.data().get("type").asText() + "|" + event.data().get("reason").asText()
                        + "|" + event.data().get("raisedBy").asText() + "|" + event.at());
            } else if (type.equals("io.sitework.work.blocker_resolved.v1")) {
                blockers.remove(event.data().get("blockerId").asText());
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : List.of("REQUESTED", "PLANNED", "IN_PROGRESS", "ON_HOLD", "DONE", "CLOSED", "REJECTED", "CANCELLED")) {
            counts.put(s, 0);
        }
        status.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        TreeSet<String> inProgress = new TreeSet<>();
        TreeSet<String> onHold = new TreeSet<>();
        TreeSet<String> blocked = new TreeSet<>();
        TreeSet<String> overdue = new TreeSet<>();
        status.forEach((id, s) -> {
            if (s.equals("IN_PROGRESS")) {
                inProgress.add(id);
            }
            if (s.equals("ON_HOLD")) {
                onHold.add(id);
            }
            if (ACTIVE.contains(s) && !openBlockers.get(id).isEmpty()) {
                blocked.add(id);
            }
            if (ACTIVE.contains(s) && dueAt.get(id) != null && !dueAt.get(id).isAfter(at)) {
                overdue.add(id);
            }
        });

        Map<String, Integer> actualCounts = new TreeMap<>();
        actual.get("counts").fields().forEachRemaining(e -> actualCounts.put(e.getKey(), e.getValue().asInt()));
        assertThat(actualCounts).as("counts " + description).isEqualTo(counts);
        assertThat(listed(actual.get("inProgress"))).as("in progress " + description).isEqualTo(inProgress);
        assertThat(listed(actual.get("onHold"))).as("on hold " + description).isEqualTo(onHold);
        assertThat(listed(actual.get("blocked"))).as("blocked " + description).isEqualTo(blocked);
        assertThat(listed(actual.get("overdue"))).as("overdue " + description).isEqualTo(overdue);
        for (String list : List.of("inProgress", "onHold", "blocked", "overdue")) {
            for (JsonNode item : actual.get(list)) {
                String id = item.get("id").asText();
                assertThat(item.get("status").asText()).as(list + " status of " + id + " " + description).isEqualTo(status.get(id));
                Map<String, String> blockers = new TreeMap<>();
                item.get("blockers").forEach(b -> blockers.put(b.get("id").asText(), b.get("type").asText() + "|" + b.get("reason").asText()
                        + "|" + b.get("by").asText() + "|" + Instant.parse(b.get("since").asText())));
                assertThat(blockers).as("open blockers of " + id + " " + description).isEqualTo(openBlockers.get(id));
            }
        }
    }

    private static TreeSet<String> listed(JsonNode items) {
        TreeSet<String> ids = new TreeSet<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).as("no item listed twice").hasSize(items.size());
        return ids;
    }

    @Test
    void anInstantBeforeAnyEventIsAnEmptySite() {
        String site = randomSite();
        Instant before = Instant.now().minus(1, ChronoUnit.DAYS);
        String id = create(site, "Inspect valve", w -> { });
        start(lead(site), id);

        JsonNode state = ok(as("audrey", site, Role.AUDITOR).get("/api/audit/state/work?siteId=" + site + "&asOf=" + before));
        assertThat(state.get("siteId").asText()).isEqualTo(site);
        assertThat(Instant.parse(state.get("asOf").asText())).isEqualTo(before);
        state.get("counts").forEach(count -> assertThat(count.asInt()).isZero());
        for (String list : List.of("inProgress", "onHold", "blocked", "overdue")) {
            assertThat(state.get(list)).as(list).isEmpty();
        }
        JsonNode now = ok(as("audrey", site, Role.AUDITOR).get("/api/audit/state/work?siteId=" + site + "&asOf=" + enc(Instant.now().toString())));
        assertThat(now.get("inProgress").get(0).get("title").asText()).isEqualTo("Inspect valve");
        assertThat(now.get("counts").get("IN_PROGRESS").asInt()).isEqualTo(1);
    }

    @Test
    void badParametersAre400AndOnlyAuditReadersOfTheSiteMayAsk() {
        String site = randomSite();
        String id = create(site, "Private to the site", w -> { });
        start(lead(site), id);
        String now = enc(Instant.now().toString());
        Http auditor = as("audrey", site, Role.AUDITOR);

        assertProblem(auditor.get("/api/audit/state/work?asOf=" + now), 400, "siteId");
        assertProblem(auditor.get("/api/audit/state/work?siteId=" + site), 400, "asOf");
        assertProblem(auditor.get("/api/audit/state/work?siteId=" + site + "&asOf=yesterday"), 400, "asOf");
        assertProblem(auditor.get("/api/audit/state/work?siteId=not-a-site&asOf=" + now), 400, "siteId");
        assertProblem(auditor.get("/api/audit/state/work?siteId=" + site + "&asOf=" + enc(Instant.now().plusSeconds(3600).toString())),
                400, "asOf");

        Http.Response stranger = as("sam", randomSite(), Role.values()).get("/api/audit/state/work?siteId=" + site + "&asOf=" + now);
        assertProblem(stranger, 403, null);
        assertThat(stranger.body()).doesNotContain("Private to the site");
        assertProblem(as("tina", site, Role.TECHNICIAN, Role.PLANNER).get("/api/audit/state/work?siteId=" + site + "&asOf=" + now), 403, null);
        assertThat(http().get("/api/audit/state/work?siteId=" + site + "&asOf=" + now).status()).isEqualTo(401);
        for (Role role : List.of(Role.AUDITOR, Role.SUPERVISOR, Role.SITE_ADMIN)) {
            assertThat(ok(as("x", site, role).get("/api/audit/state/work?siteId=" + site + "&asOf=" + now)).get("inProgress"))
                    .as(role.name()).hasSize(1);
        }
        assertThat(ok(admin().get("/api/audit/state/work?siteId=" + site + "&asOf=" + now)).get("inProgress")).hasSize(1);
    }
}
