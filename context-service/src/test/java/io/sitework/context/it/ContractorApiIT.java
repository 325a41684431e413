package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractorApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_contractors");
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http paula;
    final String site = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        Sites.register(new Http("http://127.0.0.1:" + port), site);
        paula = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("paula", site, Role.PLANNER));
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private String register(String name, String... headers) {
        Http.Response created = paula.post("/api/contractors", "{\"siteId\":\"" + site + "\",\"name\":\"" + name + "\",\"contactEmail\":\"ops@acme.example\"}",
                headers);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Http.Response grant(String id, String qualification, Instant validUntil, String... headers) {
        return paula.post("/api/contractors/" + id + "/qualifications", "{\"qualification\":\"" + qualification + "\""
                + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}", headers);
    }

    private Http.Response revoke(String id, String qualification, String reason) {
        return paula.post("/api/contractors/" + id + "/qualifications/" + qualification + "/revoke", "{\"reason\":\"" + reason + "\"}");
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode qualification(JsonNode contractor, String code) {
        for (JsonNode q : contractor.get("qualifications")) {
            if (q.get("qualification").asText().equals(code)) {
                return q;
            }
        }
        throw new AssertionError("no " + code + " in " + contractor);
    }

    private long lapses(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%QualificationLapsed'",
                Long.class, id);
    }

    /** Deadlines (db-scheduler tasks) whose data names the contractor. */
    private long armedDeadlines(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0", Long.class, id);
    }

    @Test
    void aContractorIsRegisteredOnASite() {
        Http.Response created = paula.post("/api/contractors", "{\"siteId\":\"" + site + "\",\"name\":\" Acme Welding \",\"contactEmail\":\"ops@acme.example\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/contractors/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("name").asText()).isEqualTo("Acme Welding");
        assertThat(created.json().get("qualifications")).isEmpty();

        Http.Response read = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("cody", site, Role.CONTRACTOR)).get("/api/contractors/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("contactEmail").asText()).isEqualTo("ops@acme.example");
        assertThat(read.json().get("registeredBy").asText()).isEqualTo("paula");
    }

    @Test
    void aContractorNeedsAnExistingSite() {
        String nowhere = UUID.randomUUID().toString();
        long before = storedEvents();
        Http.Response refused = new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"))
                .post("/api/contractors", "{\"siteId\":\"" + nowhere + "\",\"name\":\"Ghost Ltd\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("contractor.site-unknown");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aQualificationLapsesAtItsEndAndTheLapseIsPublished() {
        String id = register("Hotworks Ltd", "X-Correlation-Id", "corr-c-1");
        Instant end = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        JsonNode granted = ok(grant(id, "HOT_WORK", end, "X-Correlation-Id", "corr-c-2"));
        ok(grant(id, "ELECTRICAL", null));
        assertThat(qualification(granted, "HOT_WORK").get("valid").asBoolean()).isTrue();
        assertThat(qualification(granted, "HOT_WORK").get("validUntil").asText()).isEqualTo(end.toString());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(paula.get("/api/contractors?siteId=" + site + "&qualification=HOT_WORK").json().get("items").findValuesAsText("id"))
                        .containsExactly(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> lapses(id) == 1);
        JsonNode lapsed = ok(paula.get("/api/contractors/" + id));
        JsonNode hotWork = qualification(lapsed, "HOT_WORK");
        assertThat(hotWork.get("valid").asBoolean()).isFalse();
        assertThat(hotWork.get("lapseReason").asText()).isEqualTo("EXPIRED");
        assertThat(hotWork.get("lapsedBy").asText()).isEqualTo("system:qualification-lapse");
        assertThat(Instant.parse(hotWork.get("lapsedAt").asText())).isAfterOrEqualTo(end);
        assertThat(qualification(lapsed, "ELECTRICAL").get("valid").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(paula.get("/api/contractors?siteId=" + site + "&qualification=HOT_WORK").json().get("total").asLong()).isZero();
            assertThat(paula.get("/api/contractors?siteId=" + site + "&qualification=ELECTRICAL").json().get("total").asLong()).isEqualTo(1);
        });

        List<CloudEvent> published = ContextTopic.events(TestInfrastructure.kafka().getBrokersAsString(), id, 4);
        assertThat(ContextTopic.types(published)).containsExactly("io.sitework.contractor.registered.v1",
                "io.sitework.contractor.qualification_granted.v1", "io.sitework.contractor.qualification_granted.v1",
                "io.sitework.contractor.qualification_lapsed.v1");
        CloudEvent lapse = published.get(3);
        assertThat(lapse.dataAs(EventCatalog.CONTRACTOR_QUALIFICATION_LAPSED).qualification()).isEqualTo("HOT_WORK");
        assertThat(lapse.dataAs(EventCatalog.CONTRACTOR_QUALIFICATION_LAPSED).reason()).isEqualTo("EXPIRED");
        assertThat(lapse.actor()).isEqualTo("system:qualification-lapse");
        assertThat(lapse.correlationid()).as("the grant that armed it").isEqualTo("corr-c-2");
        assertThat(published.get(1).dataAs(EventCatalog.CONTRACTOR_QUALIFICATION_GRANTED).validUntil()).isEqualTo(end);
    }

    @Test
    void renewingMovesTheEndAndRevokingLapsesAtOnce() throws InterruptedException {
        String id = register("Sparks Ltd");
        Instant soon = Instant.now().plusSeconds(3);
        ok(grant(id, "ELECTRICAL", soon));
        Instant beforeRevoke = Instant.parse(ok(grant(id, "ELECTRICAL", Instant.now().plus(30, ChronoUnit.DAYS))).get("updatedAt").asText());
        Thread.sleep(Duration.between(Instant.now(), soon.plusSeconds(3)).toMillis());
        assertThat(lapses(id)).as("the first end was replaced").isZero();
        assertThat(qualification(ok(paula.get("/api/contractors/" + id)), "ELECTRICAL").get("valid").asBoolean()).isTrue();
        assertThat(armedDeadlines(id)).as("one lapse armed: the renewed end").isEqualTo(1);

        JsonNode revoked = ok(revoke(id, "ELECTRICAL", "unsafe wiring found"));
        JsonNode electrical = qualification(revoked, "ELECTRICAL");
        assertThat(electrical.get("valid").asBoolean()).isFalse();
        assertThat(electrical.get("lapseReason").asText()).isEqualTo("REVOKED");
        assertThat(electrical.get("lapseNote").asText()).isEqualTo("unsafe wiring found");
        assertThat(electrical.get("lapsedBy").asText()).isEqualTo("paula");
        assertThat(armedDeadlines(id)).as("the lapse was disarmed").isZero();

        long before = storedEvents();
        Http.Response again = revoke(id, "ELECTRICAL", "again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("contractor.qualification-not-held");
        assertThat(storedEvents()).isEqualTo(before);

        JsonNode then = ok(paula.get("/api/contractors/" + id + "?asOf=" + beforeRevoke));
        assertThat(qualification(then, "ELECTRICAL").get("valid").asBoolean()).as("as it was before the revocation").isTrue();

        JsonNode history = ok(paula.get("/api/contractors/" + id + "/history"));
        assertThat(history.get("items").findValuesAsText("type")).containsExactly("io.sitework.contractor.registered.v1",
                "io.sitework.contractor.qualification_granted.v1", "io.sitework.contractor.qualification_granted.v1",
                "io.sitework.contractor.qualification_lapsed.v1");
        assertThat(history.get("items").get(3).get("data").get("reason").asText()).isEqualTo("REVOKED");
    }

    @Test
    void theListIsFilteredBySiteAndName() {
        String acme = register("Acme (North) Ltd");
        register("Bolt & Nut");
        String otherSite = Sites.register(new Http("http://127.0.0.1:" + port), UUID.randomUUID().toString());
        Http admin = new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"));
        assertThat(admin.post("/api/contractors", "{\"siteId\":\"" + otherSite + "\",\"name\":\"Acme South\"}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(paula.get("/api/contractors").json().get("items").findValuesAsText("name")).containsExactly("Acme (North) Ltd", "Bolt & Nut");
            assertThat(paula.get("/api/contractors?q=(north").json().get("items").findValuesAsText("id")).containsExactly(acme);
            assertThat(paula.get("/api/contractors?q=.*").json().get("total").asLong()).isZero();
            assertThat(admin.get("/api/contractors?q=acme").json().get("total").asLong()).isEqualTo(2);
        });
        assertThat(paula.get("/api/contractors?siteId=" + otherSite).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        String id = register("Field Test Ltd");
        assertField(grant(id, "hot_work", null), "qualification");
        assertField(grant(id, "HOT_WORK", Instant.now().minusSeconds(60)), "validUntil");
        assertField(paula.post("/api/contractors/" + id + "/qualifications", "{\"qualification\":\"HOT_WORK\",\"validUntil\":\"soon\"}"), "validUntil");
        assertField(paula.post("/api/contractors/" + id + "/qualifications/HOT_WORK/revoke", "{}"), "reason");
        assertField(paula.post("/api/contractors/" + id + "/qualifications/hot-work/revoke", "{\"reason\":\"x\"}"), "qualification");
        assertField(paula.post("/api/contractors", "{\"siteId\":\"" + site + "\",\"name\":\"x\",\"contactEmail\":\"nope\"}"), "contactEmail");
        assertField(paula.post("/api/contractors", "{\"siteId\":\"" + site + "\",\"name\":\"\"}"), "name");
        assertField(paula.get("/api/contractors?qualification=x"), "qualification");
        assertField(paula.get("/api/contractors/nope"), "id");
        assertThat(paula.get("/api/contractors/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(grant(UUID.randomUUID().toString(), "HOT_WORK", null).status()).isEqualTo(404);
        assertThat(paula.get("/api/contractors/" + site).status()).as("a site is not a contractor").isEqualTo(404);
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
