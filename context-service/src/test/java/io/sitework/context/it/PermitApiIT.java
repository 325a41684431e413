package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.PermitEvent;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.sitework.context.it.PermitFlow.isolation;
import static io.sitework.context.it.PermitFlow.isolationIds;
import static io.sitework.context.it.PermitFlow.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Permits to work over HTTP against PostgreSQL, the MongoDB endpoint and the Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_permits");
        registry.add("spring.kafka.consumer.group-id", () -> "permit-api-it-" + UUID.randomUUID());
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PermitFlow flow;

    @BeforeEach
    void setUp() {
        flow = new PermitFlow(port);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private void refused(Http.Response response, String code, String detailPart) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("detail").asText()).contains(detailPart);
    }

    @Test
    void aPermitGoesThroughItsWholeLifeAndEveryStepIsPublishedInOrder() {
        String pump = flow.asset("P-101");
        String work = UUID.randomUUID().toString();
        Http.Response created = flow.rita.post("/api/permits", flow.body("CONFINED_SPACE", List.of(work), List.of(pump),
                List.of(isolation("V-101 suction valve", "LOCK_OUT_TAG_OUT", pump), isolation("MCC-4 breaker", "DISCONNECT", null))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode permit = created.json();
        String id = permit.get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/permits/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(permit.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(permit.get("requestedBy").asText()).isEqualTo("rita");
        assertThat(permit.get("linkedWork").get(0).get("workId").asText()).isEqualTo(work);
        assertThat(permit.get("isolations").findValuesAsText("state")).containsExactly("PLANNED", "PLANNED");
        List<String> isolations = isolationIds(permit);

        Http.Response approved = flow.paul.post("/api/permits/" + id + "/approve", null, "If-Match", "\"0\"");
        assertThat(ok(approved).get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.header("ETag")).isEqualTo("\"1\"");
        for (String isolationId : isolations) {
            flow.isolationStep(flow.ivan, id, isolationId, "apply");
            flow.isolationStep(flow.vera, id, isolationId, "verify");
        }
        JsonNode issued = flow.step(flow.paul, id, "issue", "{\"holderId\":\"hugo\"}");
        assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
        assertThat(issued.get("holderId").asText()).isEqualTo("hugo");
        assertThat(issued.get("issuedBy").asText()).isEqualTo("paul");
        assertThat(issued.get("isolations").findValuesAsText("state")).containsExactly("VERIFIED", "VERIFIED");
        assertThat(issued.get("isolations").get(0).get("appliedBy").asText()).isEqualTo("ivan");
        assertThat(issued.get("isolations").get(0).get("verifiedBy").asText()).isEqualTo("vera");

        assertThat(flow.step(flow.paul, id, "suspend", "{\"reason\":\"Gas alarm\"}").get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(flow.step(flow.paul, id, "resume", null).get("status").asText()).isEqualTo("ISSUED");
        assertThat(flow.step(flow.rita, id, "handback", null).get("status").asText()).isEqualTo("HANDED_BACK");
        for (String isolationId : isolations) {
            flow.isolationStep(flow.ivan, id, isolationId, "remove");
        }
        Http.Response closed = flow.paul.post("/api/permits/" + id + "/close", null);
        JsonNode done = ok(closed);
        assertThat(done.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.header("ETag")).isEqualTo("\"" + done.get("version").asLong() + "\"");
        assertThat(done.get("transitions").get("suspendReason").asText()).isEqualTo("Gas alarm");
        assertThat(done.get("transitions").get("closedBy").asText()).isEqualTo("paul");
        assertThat(done.get("isolations").findValuesAsText("state")).containsExactly("REMOVED", "REMOVED");

        List<CloudEvent> events = PermitFlow.publishedContextEvents(id, 13);
        assertThat(events).extracting(CloudEvent::type).containsExactly(
                EventCatalog.PERMIT_REQUESTED.type(), EventCatalog.PERMIT_APPROVED.type(),
                EventCatalog.PERMIT_ISOLATION_APPLIED.type(), EventCatalog.PERMIT_ISOLATION_VERIFIED.type(),
                EventCatalog.PERMIT_ISOLATION_APPLIED.type(), EventCatalog.PERMIT_ISOLATION_VERIFIED.type(),
                EventCatalog.PERMIT_ISSUED.type(), EventCatalog.PERMIT_SUSPENDED.type(), EventCatalog.PERMIT_RESUMED.type(),
                EventCatalog.PERMIT_HANDED_BACK.type(), EventCatalog.PERMIT_ISOLATION_REMOVED.type(),
                EventCatalog.PERMIT_ISOLATION_REMOVED.type(), EventCatalog.PERMIT_CLOSED.type());
        assertThat(events).extracting(e -> ((PermitEvent) e.data()).status()).containsExactly("REQUESTED", "APPROVED", "APPROVED",
                "APPROVED", "APPROVED", "APPROVED", "ISSUED", "SUSPENDED", "ISSUED", "HANDED_BACK", "HANDED_BACK", "HANDED_BACK", "CLOSED");
        assertThat(events).allSatisfy(e -> {
            assertThat(((PermitEvent) e.data()).permitType()).isEqualTo("CONFINED_SPACE");
            assertThat(((PermitEvent) e.data()).workIds()).containsExactly(work);
            assertThat(e.source()).isEqualTo("/sites/" + flow.site + "/permits/" + id);
        });
        assertThat(events).extracting(CloudEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(events.get(0).dataAs(EventCatalog.PERMIT_REQUESTED).isolations()).hasSize(2);
        assertThat(events.get(6).dataAs(EventCatalog.PERMIT_ISSUED).holderId()).isEqualTo("hugo");
        assertThat(events.get(2).actor()).isEqualTo("ivan");
    }

    @Test
    void domainRefusalsAre409WithAStableCodeAndStoreNothing() {
        String permitAuthorityRequester = TestTokens.forSite("rosa", flow.site, Role.TECHNICIAN, Role.PERMIT_AUTHORITY);
        Http rosa = new Http("http://127.0.0.1:" + port).as(permitAuthorityRequester);
        Http.Response created = rosa.post("/api/permits", flow.body("ELECTRICAL", List.of(), List.of(),
                List.of(isolation("MCC-4 breaker", "DISCONNECT", null))));
        String id = created.json().get("id").asText();
        String breaker = isolationIds(created.json()).get(0);
        long before = storedEvents();

        refused(rosa.post("/api/permits/" + id + "/approve", null), "permit.self-approval", "cannot approve their own permit");
        refused(flow.ivan.post("/api/permits/" + id + "/isolations/" + breaker + "/apply", null), "permit.cannot-isolate", "REQUESTED");
        refused(flow.paul.post("/api/permits/" + id + "/issue", "{}"), "permit.not-approved", "REQUESTED");
        assertThat(storedEvents()).as("refusals store nothing").isEqualTo(before);

        flow.step(flow.paul, id, "approve", null);
        refused(flow.paul.post("/api/permits/" + id + "/issue", "{}"), "permit.isolation-not-verified", "'MCC-4 breaker'");
        Http supervisorIsolator = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("ivan", flow.site, Role.TECHNICIAN,
                Role.SUPERVISOR));
        flow.isolationStep(supervisorIsolator, id, breaker, "apply");
        refused(supervisorIsolator.post("/api/permits/" + id + "/isolations/" + breaker + "/verify", null), "permit.isolation-self-verify",
                "applied by ivan");
        flow.isolationStep(flow.vera, id, breaker, "verify");
        flow.step(flow.paul, id, "issue", "{}");
        refused(flow.ivan.post("/api/permits/" + id + "/isolations/" + breaker + "/remove", null), "permit.isolation-in-force", "ISSUED");
        flow.step(flow.rita, id, "handback", null);
        long beforeClose = storedEvents();
        refused(flow.paul.post("/api/permits/" + id + "/close", null), "permit.isolation-not-removed", "'MCC-4 breaker'");
        refused(flow.paul.post("/api/permits/" + id + "/cancel", "{\"reason\":\"Too late\"}"), "permit.cannot-cancel", "HANDED_BACK");
        assertThat(storedEvents()).isEqualTo(beforeClose);
    }

    @Test
    void aStaleIfMatchIs412AndUnknownThingsAre404() {
        String id = flow.request(flow.body("GENERAL", List.of(), List.of(), List.of())).get("id").asText();
        flow.step(flow.paul, id, "approve", null);

        Http.Response stale = flow.paul.post("/api/permits/" + id + "/issue", "{}", "If-Match", "\"0\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(flow.paul.post("/api/permits/" + id + "/issue", "{}", "If-Match", "\"1\"").status()).isEqualTo(200);

        assertThat(flow.ivan.post("/api/permits/" + id + "/isolations/" + UUID.randomUUID() + "/apply", null).status()).isEqualTo(404);
        assertThat(flow.paul.post("/api/permits/" + UUID.randomUUID() + "/approve", null).status()).isEqualTo(404);
        assertThat(flow.rita.get("/api/permits/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(flow.rita.get("/api/assets/" + UUID.randomUUID() + "/active-permits").status()).isEqualTo(404);
        String asset = flow.asset("A-404");
        assertThat(flow.rita.get("/api/permits/" + asset).status()).as("an asset is not a permit").isEqualTo(404);
        assertThat(flow.rita.get("/api/permits/" + asset + "/history").status()).isEqualTo(404);
        assertThat(flow.paul.post("/api/permits/" + asset + "/approve", null).status()).isEqualTo(404);
        assertThat(flow.rita.get("/api/assets/" + id + "/active-permits").status()).as("a permit is not an asset").isEqualTo(404);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String good = flow.body("HOT_WORK", List.of(), List.of(), List.of(isolation("Gas valve", "LOCK_OUT_TAG_OUT", null)));
        assertField(flow.rita.post("/api/permits", good.replace("\"HOT_WORK\"", "\"WELDING\"")), "type");
        assertField(flow.rita.post("/api/permits", good.replace("[\"Toxic atmosphere\"]", "[]")), "hazards");
        assertField(flow.rita.post("/api/permits", good.replace("LOCK_OUT_TAG_OUT", "lock out")), "isolations[0].method");
        assertField(flow.rita.post("/api/permits", good.replace("\"isolations\"", "\"status\":\"ISSUED\",\"isolations\"")), "status");
        assertField(flow.rita.post("/api/permits", good.replace("\"workIds\":[]", "\"workIds\":[\"w-1\"]")), "workIds[0]");
        assertField(flow.rita.post("/api/permits", flow.body("HOT_WORK", List.of(), List.of(), List.of(), now.plusSeconds(3600), now)),
                "validTo");
        assertField(flow.rita.post("/api/permits", flow.body("HOT_WORK", List.of(), List.of(), List.of(), now,
                now.plus(Duration.ofDays(8)))), "validTo");
        assertField(flow.rita.post("/api/permits", flow.body("HOT_WORK", List.of(), List.of(), List.of(), now.minusSeconds(7200),
                now.minusSeconds(60))), "validTo");
        long before = storedEvents();
        String id = flow.request(good).get("id").asText();
        assertField(flow.paul.post("/api/permits/" + id + "/reject", "{}"), "reason");
        assertField(flow.paul.post("/api/permits/" + id + "/suspend", "{\"reason\":\" \"}"), "reason");
        assertField(flow.paul.post("/api/permits/" + id + "/issue", "{\"holderId\":\"" + "h".repeat(101) + "\"}"), "holderId");
        assertField(flow.paul.post("/api/permits/" + id + "/approve", null, "If-Match", "W/\"0\""), "If-Match");
        assertField(flow.rita.get("/api/permits/" + id + "?asOf=yesterday"), "asOf");
        assertField(flow.rita.get("/api/permits?status=OPEN"), "status");
        assertField(flow.rita.get("/api/permits?type=FIRE"), "type");
        assertField(flow.rita.get("/api/permits?sort=hazards"), "sort");
        assertField(flow.rita.get("/api/permits?size=500"), "size");
        assertField(flow.rita.get("/api/permits/123"), "id");
        assertThat(flow.rita.post("/api/permits", "[").status()).isEqualTo(400);
        assertThat(storedEvents()).as("only the good request stored anything").isEqualTo(before + 1);
    }

    @Test
    void scopeAssetsMustBeAssetsOfTheSite() {
        String otherSite = new PermitFlow(port).asset("X-1");
        Http.Response unknown = flow.rita.post("/api/permits", flow.body("LIFTING", List.of(), List.of(UUID.randomUUID().toString()),
                List.of()));
        refused(unknown, "permit.asset-unknown", "does not exist");
        refused(flow.rita.post("/api/permits", flow.body("LIFTING", List.of(), List.of(otherSite), List.of())), "permit.asset-other-site",
                "another site");
        refused(flow.rita.post("/api/permits", flow.body("LIFTING", List.of(), List.of(),
                List.of(isolation("Hoist breaker", "DISCONNECT", otherSite)))), "permit.asset-other-site", "another site");
    }

    @Test
    void aPermitAsItWasAtAnInstantAndItsHistory() throws InterruptedException {
        String id = flow.request(flow.body("WORK_AT_HEIGHT", List.of(), List.of(), List.of())).get("id").asText();
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        flow.paul.post("/api/permits/" + id + "/approve", null, "X-Correlation-Id", "corr-approve-1");
        flow.step(flow.paul, id, "issue", "{}");

        Http.Response then = flow.rita.get("/api/permits/" + id + "?asOf=" + between);
        assertThat(then.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(then.header("ETag")).isEqualTo("\"0\"");
        assertThat(flow.rita.get("/api/permits/" + id).json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(flow.rita.get("/api/permits/" + id + "?asOf=2020-01-01T00:00:00Z").status()).isEqualTo(404);

        Http.Response history = flow.rita.get("/api/permits/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.header("ETag")).isEqualTo("\"2\"");
        JsonNode items = history.json().get("items");
        assertThat(history.json().get("total").asLong()).isEqualTo(3);
        assertThat(items.findValuesAsText("type")).containsExactly(EventCatalog.PERMIT_REQUESTED.type(),
                EventCatalog.PERMIT_APPROVED.type(), EventCatalog.PERMIT_ISSUED.type());
        assertThat(items.findValuesAsText("actor")).containsExactly("rita", "paul", "paul");
        assertThat(items.get(1).get("correlationId").asText()).isEqualTo("corr-approve-1");
        assertThat(items.get(1).get("data").get("approvedBy").asText()).isEqualTo("paul");
        assertThat(items.get(2).get("data").get("status").asText()).isEqualTo("ISSUED");
        JsonNode secondPage = flow.rita.get("/api/permits/" + id + "/history?page=1&size=2").json();
        assertThat(secondPage.get("items").findValuesAsText("sequence")).containsExactly("2");
    }

    @Test
    void theListFiltersByStatusTypeWorkAndAssetOnTheCallersSitesOnly() {
        String pump = flow.asset("P-201");
        String valve = flow.asset("V-201");
        String work = UUID.randomUUID().toString();
        String hotWork = flow.request(flow.body("HOT_WORK", List.of(work), List.of(pump), List.of())).get("id").asText();
        String confined = flow.request(flow.body("CONFINED_SPACE", List.of(), List.of(),
                List.of(isolation("Inlet valve", "BLIND", valve)))).get("id").asText();
        String lifting = flow.request(flow.body("LIFTING", List.of(), List.of(), List.of())).get("id").asText();
        flow.step(flow.paul, lifting, "approve", null);
        PermitFlow elsewhere = new PermitFlow(port);
        elsewhere.request(elsewhere.body("HOT_WORK", List.of(work), List.of(), List.of()));

        String base = "/api/permits?siteId=" + flow.site;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ids(flow.rita.get(base))).containsExactlyInAnyOrder(hotWork, confined, lifting);
            assertThat(ids(flow.rita.get(base + "&status=APPROVED"))).containsExactly(lifting);
            assertThat(ids(flow.rita.get(base + "&status=REQUESTED,APPROVED"))).hasSize(3);
            assertThat(ids(flow.rita.get(base + "&type=HOT_WORK&type=LIFTING"))).containsExactlyInAnyOrder(hotWork, lifting);
            // an empty element is ignored, as in work-service's lists (the fuzzer's type=+ was a 500)
            assertThat(ids(flow.rita.get(base + "&type=+"))).as("type blank: no filter").hasSize(3);
            assertThat(ids(flow.rita.get(base + "&type=+&type=LIFTING&status="))).containsExactly(lifting);
            assertThat(ids(flow.rita.get(base + "&workId=" + work))).containsExactly(hotWork);
            assertThat(ids(flow.rita.get(base + "&assetId=" + pump))).containsExactly(hotWork);
            assertThat(ids(flow.rita.get(base + "&assetId=" + valve))).as("an isolation point's asset").containsExactly(confined);
            assertThat(ids(flow.rita.get("/api/permits?workId=" + work))).as("no siteId: the caller's sites").containsExactly(hotWork);
            JsonNode page = flow.rita.get(base + "&size=2&page=1&sort=type,asc").json();
            assertThat(page.get("total").asLong()).isEqualTo(3);
            assertThat(page.get("items").findValuesAsText("type")).containsExactly("LIFTING");
        });
        assertThat(flow.rita.get("/api/permits?siteId=" + elsewhere.site).status()).isEqualTo(403);
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("items").findValuesAsText("id");
    }

    @Test
    void theActivePermitsAndIsolationsOfAnAsset() {
        String pump = flow.asset("P-301");
        String issued = flow.request(flow.body("HOT_WORK", List.of(), List.of(pump), List.of())).get("id").asText();
        flow.issue(issued);
        JsonNode isolating = flow.request(flow.body("CONFINED_SPACE", List.of(), List.of(), List.of(isolation("Pump suction valve",
                "LOCK_OUT_TAG_OUT", pump))));
        String cancelled = isolating.get("id").asText();
        String point = isolationIds(isolating).get(0);
        flow.step(flow.paul, cancelled, "approve", null);
        flow.isolationStep(flow.ivan, cancelled, point, "apply");
        flow.step(flow.paul, cancelled, "cancel", "{\"reason\":\"Job postponed\"}");
        String closed = flow.request(flow.body("GENERAL", List.of(), List.of(pump), List.of())).get("id").asText();
        flow.issue(closed);
        flow.step(flow.rita, closed, "handback", null);
        flow.step(flow.paul, closed, "close", null);
        String requested = flow.request(flow.body("LIFTING", List.of(), List.of(pump), List.of())).get("id").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode active = ok(flow.rita.get("/api/assets/" + pump + "/active-permits"));
            assertThat(active.get("permits").findValuesAsText("id")).containsExactlyInAnyOrder(issued, requested);
            assertThat(active.get("isolations")).hasSize(1);
            JsonNode isolationOnPump = active.get("isolations").get(0);
            assertThat(isolationOnPump.get("permitId").asText()).as("left in place by a cancelled permit").isEqualTo(cancelled);
            assertThat(isolationOnPump.get("permitStatus").asText()).isEqualTo("CANCELLED");
            assertThat(isolationOnPump.get("permitType").asText()).isEqualTo("CONFINED_SPACE");
            assertThat(isolationOnPump.get("state").asText()).isEqualTo("APPLIED");
            assertThat(isolationOnPump.get("point").asText()).isEqualTo("Pump suction valve");
        });
        flow.isolationStep(flow.ivan, cancelled, point, "remove");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(flow.rita.get("/api/assets/" + pump + "/active-permits").json().get("isolations")).isEmpty());
        Http stranger = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("eve", UUID.randomUUID().toString(), Role.SUPERVISOR));
        assertThat(stranger.get("/api/assets/" + pump + "/active-permits").status()).isEqualTo(404);
    }

    @Test
    void theRequesterMayCancelTheirOwnPermitButNoOneElsesWithoutAuthority() {
        String id = flow.request(flow.body("GENERAL", List.of(), List.of(), List.of())).get("id").asText();
        assertThat(flow.ivan.post("/api/permits/" + id + "/cancel", "{\"reason\":\"Not mine\"}").status()).isEqualTo(403);
        JsonNode cancelled = flow.step(flow.rita, id, "cancel", "{\"reason\":\"Job postponed\"}");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("transitions").get("cancelledBy").asText()).isEqualTo("rita");
        assertThat(cancelled.get("transitions").get("cancelReason").asText()).isEqualTo("Job postponed");
    }

    @Test
    void aPermitExpiresAtTheEndOfItsWindowAndCannotBeIssuedOrResumedThen() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String approved = flow.request(flow.body("GENERAL", List.of(), List.of(), List.of(), now.minusSeconds(60), now.plusSeconds(4)))
                .get("id").asText();
        flow.step(flow.paul, approved, "approve", null);
        String suspended = flow.request(flow.body("GENERAL", List.of(), List.of(), List.of(), now.minusSeconds(60), now.plusSeconds(4)))
                .get("id").asText();
        flow.issue(suspended);
        flow.step(flow.paul, suspended, "suspend", "{\"reason\":\"Gas alarm\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> flow.rita.get("/api/permits/" + suspended).json().get("status").asText()
                .equals("EXPIRED") && flow.rita.get("/api/permits/" + approved).json().get("status").asText().equals("EXPIRED"));

        refused(flow.paul.post("/api/permits/" + approved + "/issue", "{}"), "permit.expired", "EXPIRED");
        refused(flow.paul.post("/api/permits/" + suspended + "/resume", null), "permit.expired", "EXPIRED");
        JsonNode expired = flow.rita.get("/api/permits/" + suspended).json();
        assertThat(expired.get("transitions").has("expiredAt")).isTrue();
        List<CloudEvent> events = PermitFlow.published(io.sitework.events.Topics.CONTEXT, suspended,
                found -> found.stream().anyMatch(e -> e.type().equals(EventCatalog.PERMIT_EXPIRED.type())));
        CloudEvent expiry = events.get(events.size() - 1);
        assertThat(expiry.type()).isEqualTo(EventCatalog.PERMIT_EXPIRED.type());
        assertThat(expiry.actor()).isEqualTo("system:permit-expiry");
        assertThat(expiry.dataAs(EventCatalog.PERMIT_EXPIRED).status()).isEqualTo("EXPIRED");
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
