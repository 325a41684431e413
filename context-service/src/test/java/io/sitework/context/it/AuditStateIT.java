package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static io.sitework.context.it.PermitFlow.isolation;
import static io.sitework.context.it.PermitFlow.isolationIds;
import static io.sitework.context.it.PermitFlow.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/audit/state/context}: a site's permits in force, isolations in place and assets out of use as
 * of an instant, checked at many instants against a brute-force replay of the public histories with a status
 * table of its own (not the production folds).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// no other class shares this context: closing it after the class gives its database connections back to the next ones
@DirtiesContext
class AuditStateIT {

    /** What each public permit event type does to a permit's status in the brute force (others leave it). */
    private static final Map<String, String> PERMIT_STATUS_AFTER = Map.of(
            "io.sitework.permit.requested.v1", "REQUESTED",
            "io.sitework.permit.approved.v1", "APPROVED",
            "io.sitework.permit.rejected.v1", "REJECTED",
            "io.sitework.permit.issued.v1", "ISSUED",
            "io.sitework.permit.suspended.v1", "SUSPENDED",
            "io.sitework.permit.resumed.v1", "ISSUED",
            "io.sitework.permit.handed_back.v1", "HANDED_BACK",
            "io.sitework.permit.closed.v1", "CLOSED",
            "io.sitework.permit.cancelled.v1", "CANCELLED",
            "io.sitework.permit.expired.v1", "EXPIRED");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_audit_state");
        registry.add("spring.kafka.consumer.group-id", () -> "context-audit-state-it-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    PermitFlow flow;

    private record Event(String aggregateId, Instant at, String type, JsonNode data) {
    }

    @BeforeEach
    void setUp() {
        flow = new PermitFlow(port);
    }

    private Http as(String user, String site, Role... roles) {
        return new Http("http://127.0.0.1:" + port).as(TestTokens.forSite(user, site, roles));
    }

    private static String enc(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private void status(String assetId, String status) {
        ok(flow.sam.post("/api/assets/" + assetId + "/status", "{\"status\":\"" + status + "\",\"reason\":\"audit test\"}"));
    }

    private void awaitAssetStatus(String assetId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ok(flow.sam.get("/api/assets/" + assetId)).get("status").asText()).as(assetId).isEqualTo(status));
    }

    @Test
    void theStateAtAnyInstantIsWhatTheHistoriesSayItWas() {
        String pump = flow.asset("P-1");
        String valve = flow.asset("V-2");
        String fan = flow.asset("F-3");
        String work = UUID.randomUUID().toString();

        status(fan, "OUT_OF_SERVICE");
        String general = flow.request(flow.body("GENERAL", List.of(work), List.of(pump),
                List.of(isolation("P-1 breaker", "LOCK_OUT_TAG_OUT", pump)))).get("id").asText();
        String hot = flow.request(flow.body("HOT_WORK", List.of(work), List.of(valve),
                List.of(isolation("V-2 blind", "BLIND", valve), isolation("Fire water", "DISCONNECT", null)))).get("id").asText();
        String rejected = flow.request(flow.body("LIFTING", List.of(), List.of(), List.of())).get("id").asText();
        flow.issue(general);
        awaitAssetStatus(pump, "ISOLATED");
        flow.step(flow.paul, rejected, "reject", "{\"reason\":\"No crane\"}");
        JsonNode approved = flow.step(flow.paul, hot, "approve", null);
        List<String> hotIsolations = isolationIds(approved);
        flow.isolationStep(flow.ivan, hot, hotIsolations.get(0), "apply");
        awaitAssetStatus(valve, "ISOLATED");
        flow.step(flow.paul, general, "suspend", "{\"reason\":\"Gas alarm\"}");
        status(fan, "IN_SERVICE");
        flow.isolationStep(flow.vera, hot, hotIsolations.get(0), "verify");
        flow.isolationStep(flow.ivan, hot, hotIsolations.get(1), "apply");
        flow.isolationStep(flow.vera, hot, hotIsolations.get(1), "verify");
        flow.step(flow.paul, hot, "issue", "{\"holderId\":\"hugo\"}");
        flow.step(flow.paul, general, "resume", null);
        flow.step(flow.rita, hot, "handback", null);
        flow.isolationStep(flow.ivan, hot, hotIsolations.get(1), "remove");
        status(fan, "OUT_OF_SERVICE");
        flow.isolationStep(flow.ivan, hot, hotIsolations.get(0), "remove");
        flow.step(flow.paul, hot, "close", null);
        awaitAssetStatus(valve, "IN_SERVICE"); // every isolation marks the whole scope: the valve is free once both are removed

        Http auditor = as("audrey", flow.site, Role.AUDITOR);
        List<Event> events = new ArrayList<>();
        for (String id : List.of(general, hot, rejected)) {
            history(auditor, "/api/permits/" + id + "/history", id, events);
        }
        for (String id : List.of(pump, valve, fan)) {
            history(auditor, "/api/assets/" + id + "/history", id, events);
        }
        events.sort(Comparator.comparing(Event::at));
        Instant first = events.get(0).at();
        Instant last = events.get(events.size() - 1).at();

        List<Instant> instants = new ArrayList<>();
        for (Event event : events) {
            instants.add(event.at());
            instants.add(event.at().minusNanos(1000));
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long span = Duration.between(first, last).toNanos() + 100_000_000L;
        for (int i = 0; i < 40; i++) {
            instants.add(first.minusMillis(50).plusNanos((long) (random.nextDouble() * span) / 1000 * 1000));
        }
        boolean sawIsolations = false;
        for (Instant at : instants) {
            JsonNode actual = ok(auditor.get("/api/audit/state/context?siteId=" + flow.site + "&asOf=" + enc(at)));
            assertMatchesBruteForce(actual, events, at, "at " + at + " (seed " + seed + ")");
            sawIsolations |= actual.get("isolations").size() == 2;
        }
        assertThat(sawIsolations).as("some instant had two isolations in place").isTrue();
    }

    private static void history(Http auditor, String path, String id, List<Event> events) {
        for (JsonNode entry : ok(auditor.get(path)).get("items")) {
            events.add(new Event(id, Instant.parse(entry.get("occurredAt").asText()), entry.get("type").asText(), entry.get("data")));
        }
    }

    private static void assertMatchesBruteForce(JsonNode actual, List<Event> events, Instant at, String description) {
        Map<String, String> permitStatus = new TreeMap<>();
        Map<String, String> holder = new TreeMap<>();
        Map<String, String> isolations = new TreeMap<>();
        Map<String, String> assetStatus = new TreeMap<>();
        for (Event event : events) {
            if (event.at().isAfter(at)) {
                continue;
            }
            JsonNode data = event.data();
            String type = event.type();
            if (PERMIT_STATUS_AFTER.containsKey(type)) {
                permitStatus.put(event.aggregateId(), PERMIT_STATUS_AFTER.get(type));
            }
            if (type.equals("io.sitework.permit.issued.v1")) {
                holder.put(event.aggregateId(), data.get("holderId").asText());
            }
            String isolationKey = event.aggregateId() + "/" + (data.hasNonNull("isolationId") ? data.get("isolationId").asText() : "");
            String where = data.get("point") + "|" + data.get("assetId");
            if (type.equals("io.sitework.permit.isolation_applied.v1")) {
                isolations.put(isolationKey, where + "|APPLIED|" + data.get("by").asText() + "|" + event.at());
            } else if (type.equals("io.sitework.permit.isolation_verified.v1")) {
                isolations.put(isolationKey, isolations.get(isolationKey).replace("|APPLIED|", "|VERIFIED|"));
            } else if (type.equals("io.sitework.permit.isolation_removed.v1")) {
                isolations.remove(isolationKey);
            }
            if (type.equals("io.sitework.asset.registered.v1") || type.equals("io.sitework.asset.status_changed.v1")) {
                assetStatus.put(event.aggregateId(), data.get("status").asText());
            }
        }
        Map<String, String> inForce = new TreeMap<>();
        permitStatus.forEach((id, status) -> {
            if (status.equals("ISSUED") || status.equals("SUSPENDED")) {
                inForce.put(id, status + "|" + holder.get(id));
            }
        });
        Map<String, String> outOfUse = new TreeMap<>();
        assetStatus.forEach((id, status) -> {
            if (status.equals("OUT_OF_SERVICE") || status.equals("ISOLATED")) {
                outOfUse.put(id, status);
            }
        });

        Map<String, String> actualPermits = new TreeMap<>();
        actual.get("permits").forEach(p -> actualPermits.put(p.get("id").asText(), p.get("status").asText() + "|" + p.get("holderId").asText()));
        assertThat(actualPermits).as("permits in force " + description).isEqualTo(inForce);
        assertThat(actual.get("permits")).as("no permit listed twice").hasSize(actualPermits.size());
        Map<String, String> actualIsolations = new TreeMap<>();
        actual.get("isolations").forEach(i -> actualIsolations.put(i.get("permitId").asText() + "/" + i.get("isolationId").asText(),
                i.get("point") + "|" + i.get("assetId") + "|" + i.get("state").asText() + "|" + i.get("appliedBy").asText() + "|"
                        + Instant.parse(i.get("appliedAt").asText())));
        assertThat(actualIsolations).as("isolations in place " + description).isEqualTo(isolations);
        Map<String, String> actualAssets = new TreeMap<>();
        actual.get("assets").forEach(a -> actualAssets.put(a.get("id").asText(), a.get("status").asText()));
        assertThat(actualAssets).as("assets out of use " + description).isEqualTo(outOfUse);
    }

    @Test
    void anInstantBeforeAnyEventIsAnEmptySiteAndTheAnswerNamesTheItems() {
        Instant before = Instant.now().minus(1, ChronoUnit.DAYS);
        String pump = flow.asset("P-9");
        String permit = flow.request(flow.body("ELECTRICAL", List.of(), List.of(pump),
                List.of(isolation("P-9 breaker", "LOCK_OUT_TAG_OUT", pump)))).get("id").asText();
        flow.issue(permit);
        awaitAssetStatus(pump, "ISOLATED");
        Http auditor = as("audrey", flow.site, Role.AUDITOR);

        JsonNode empty = ok(auditor.get("/api/audit/state/context?siteId=" + flow.site + "&asOf=" + enc(before)));
        assertThat(empty.get("siteId").asText()).isEqualTo(flow.site);
        assertThat(Instant.parse(empty.get("asOf").asText())).isEqualTo(before);
        for (String list : List.of("permits", "isolations", "assets")) {
            assertThat(empty.get(list)).as(list).isEmpty();
        }

        JsonNode now = ok(auditor.get("/api/audit/state/context?siteId=" + flow.site + "&asOf=" + enc(Instant.now())));
        JsonNode issued = now.get("permits").get(0);
        assertThat(issued.get("type").asText()).isEqualTo("ELECTRICAL");
        assertThat(issued.get("validTo").asText()).isNotEmpty();
        assertThat(issued.get("workIds")).isEmpty();
        JsonNode isolationNow = now.get("isolations").get(0);
        assertThat(isolationNow.get("point").asText()).isEqualTo("P-9 breaker");
        assertThat(isolationNow.get("assetId").asText()).isEqualTo(pump);
        assertThat(isolationNow.get("state").asText()).isEqualTo("VERIFIED");
        JsonNode asset = now.get("assets").get(0);
        assertThat(asset.get("tag").asText()).isEqualTo("P-9");
        assertThat(asset.get("name").asText()).isEqualTo("Asset P-9");
        assertThat(asset.get("status").asText()).isEqualTo("ISOLATED");
    }

    @Test
    void badParametersAre400AndOnlyAuditReadersOfTheSiteMayAsk() {
        String pump = flow.asset("P-7");
        status(pump, "OUT_OF_SERVICE");
        String site = flow.site;
        String now = enc(Instant.now());
        Http auditor = as("audrey", site, Role.AUDITOR);

        problem(auditor.get("/api/audit/state/context?asOf=" + now), 400, "siteId");
        problem(auditor.get("/api/audit/state/context?siteId=" + site), 400, "asOf");
        problem(auditor.get("/api/audit/state/context?siteId=" + site + "&asOf=yesterday"), 400, "asOf");
        problem(auditor.get("/api/audit/state/context?siteId=" + site + "&asOf=" + enc(Instant.now().plusSeconds(3600))), 400, "asOf");

        Http.Response stranger = as("sam", UUID.randomUUID().toString(), Role.values())
                .get("/api/audit/state/context?siteId=" + site + "&asOf=" + now);
        problem(stranger, 403, null);
        assertThat(stranger.body()).doesNotContain("P-7");
        problem(as("tina", site, Role.TECHNICIAN, Role.PERMIT_AUTHORITY).get("/api/audit/state/context?siteId=" + site + "&asOf=" + now),
                403, null);
        for (Role role : List.of(Role.AUDITOR, Role.SUPERVISOR, Role.SITE_ADMIN)) {
            assertThat(ok(as("x", site, role).get("/api/audit/state/context?siteId=" + site + "&asOf=" + now)).get("assets"))
                    .as(role.name()).hasSize(1);
        }
    }

    private static void problem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
    }
}
