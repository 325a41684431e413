package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.context.asset.api.AssetCommands.ApplyIsolation;
import io.sitework.context.asset.api.AssetCommands.RemoveIsolation;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class AssetApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    Http http;
    final String site = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        Sites.register(new Http("http://127.0.0.1:" + port), site);
        http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("sam", site, Role.SITE_ADMIN));
    }

    private String body(String parentId, String tag, String name, String assetClass) {
        return """
                {"siteId":"%s",%s"tag":"%s","name":"%s","assetClass":"%s","criticality":"A"}"""
                .formatted(site, parentId == null ? "" : "\"parentId\":\"" + parentId + "\",", tag, name, assetClass);
    }

    private String register(String parentId, String tag, String name, String assetClass) {
        Http.Response created = http.post("/api/assets", body(parentId, tag, name, assetClass));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private Http.Response move(String id, String parentId, String... headers) {
        return http.post("/api/assets/" + id + "/move", parentId == null ? "{\"parentId\":null}" : "{\"parentId\":\"" + parentId + "\"}", headers);
    }

    private Http.Response status(String id, String status, String reason, String... headers) {
        return http.post("/api/assets/" + id + "/status", "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\"}", headers);
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void refused(Http.Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    @Test
    void registersAHierarchyAndListsItBySiteParentAndSearch() {
        String area = register(null, "AREA-1", "Utilities area", "AREA");
        String pump = register(area, "P-101", "Feed pump 101", "PUMP");
        register(area, "P-102", "Feed pump 102", "PUMP");
        register(area, "E-201", "Heat exchanger", "HEAT_EXCHANGER");

        Http.Response read = http.get("/api/assets/" + pump);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("parentId").asText()).isEqualTo(area);
        assertThat(read.json().get("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(read.json().get("isolations")).isEmpty();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(http.get("/api/assets?siteId=" + site).json().get("total").asLong()).isEqualTo(4);
            assertThat(http.get("/api/assets?siteId=" + site + "&parentId=root").json().get("total").asLong()).isEqualTo(1);
            assertThat(http.get("/api/assets?siteId=" + site + "&parentId=" + area).json().get("total").asLong()).isEqualTo(3);
            JsonNode search = http.get("/api/assets?siteId=" + site + "&q=p-10").json();
            assertThat(search.get("items").findValuesAsText("tag")).containsExactly("P-101", "P-102");
            assertThat(http.get("/api/assets?siteId=" + site + "&q=exchanger").json().get("total").asLong()).isEqualTo(1);
            assertThat(http.get("/api/assets").json().get("total").asLong()).as("no siteId: the caller's sites").isEqualTo(4);
        });
    }

    @Test
    void searchesByClassStatusAndLiteralText() {
        register(null, "V.1", "Valve (inlet)", "VALVE");
        String pump = register(null, "P-1", "Pump", "PUMP");
        ok(status(pump, "OUT_OF_SERVICE", "seal leaking"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(http.get("/api/assets?siteId=" + site + "&assetClass=VALVE").json().get("items").findValuesAsText("tag"))
                    .containsExactly("V.1");
            assertThat(http.get("/api/assets?siteId=" + site + "&status=OUT_OF_SERVICE").json().get("items").findValuesAsText("tag"))
                    .containsExactly("P-1");
            assertThat(http.get("/api/assets?siteId=" + site + "&q=v.").json().get("items").findValuesAsText("tag")).containsExactly("V.1");
            assertThat(http.get("/api/assets?siteId=" + site + "&q=P.").json().get("total").asLong())
                    .as("a dot is a dot, not any character").isZero();
            assertThat(http.get("/api/assets?siteId=" + site + "&q=(inlet").json().get("items").findValuesAsText("tag"))
                    .containsExactly("V.1");
            assertThat(http.get("/api/assets?siteId=" + site + "&q=.*").json().get("total").asLong()).isZero();
            // control characters are no search (a NUL cannot even reach MongoDB in a regular expression): 400 naming q
            for (String path : List.of("/api/assets?siteId=" + site + "&q=%00%01%1F", "/api/sites?q=p%00", "/api/contractors?q=%1B")) {
                Http.Response refused = http.get(path);
                assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.body()).contains("\"field\":\"q\"").contains("control characters");
            }
        });
        assertThat(http.get("/api/assets?siteId=" + site + "&assetClass=valve").status()).isEqualTo(400);
    }

    @Test
    void anAssetNeedsAnExistingSite() {
        String nowhere = UUID.randomUUID().toString();
        long before = storedEvents();
        Http.Response refused = new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga")).post("/api/assets",
                "{\"siteId\":\"" + nowhere + "\",\"tag\":\"X-1\",\"name\":\"x\",\"assetClass\":\"PUMP\",\"criticality\":\"C\"}");
        refused(refused, "asset.site-unknown");
        assertThat(refused.json().get("detail").asText()).contains("site " + nowhere + " does not exist");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset_registry WHERE site_id = ?", Long.class, nowhere)).isZero();
    }

    @Test
    void movesKeepTheTreeFreeOfCyclesAndTheSubtreeFollows() {
        String area1 = register(null, "AREA-1", "Area 1", "AREA");
        String unit = register(area1, "U-1", "Unit", "UNIT");
        String pump = register(unit, "P-1", "Pump", "PUMP");
        String area2 = register(null, "AREA-2", "Area 2", "AREA");

        Http.Response moved = move(unit, area2, "If-Match", "\"0\"");
        assertThat(ok(moved).get("parentId").asText()).isEqualTo(area2);
        assertThat(moved.header("ETag")).isEqualTo("\"1\"");
        assertThat(jdbc.queryForObject("SELECT parent_id FROM asset_registry WHERE asset_id = ?", String.class, unit)).isEqualTo(area2);

        long before = storedEvents();
        refused(move(area2, pump), "asset.move-cycle");
        refused(move(area2, unit), "asset.move-cycle");
        refused(move(area2, area2), "asset.move-cycle");
        refused(move(unit, UUID.randomUUID().toString()), "asset.parent-unknown");
        assertThat(move(unit, area1, "If-Match", "\"0\"").status()).as("a stale If-Match").isEqualTo(412);
        assertThat(storedEvents()).as("refused moves store nothing").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT parent_id FROM asset_registry WHERE asset_id = ?", String.class, area2)).isNull();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode tree = ok(http.get("/api/assets/" + area2 + "/subtree"));
            assertThat(tree.get("tag").asText()).isEqualTo("AREA-2");
            assertThat(tree.get("children")).hasSize(1);
            JsonNode unitNode = tree.get("children").get(0);
            assertThat(unitNode.get("id").asText()).isEqualTo(unit);
            assertThat(unitNode.get("children").get(0).get("tag").asText()).isEqualTo("P-1");
            assertThat(unitNode.get("children").get(0).get("children")).isEmpty();
            assertThat(ok(http.get("/api/assets/" + area1 + "/subtree")).get("children")).isEmpty();
        });

        JsonNode top = ok(move(unit, null));
        assertThat(top.has("parentId")).as("moved to the top level").isFalse();
        assertThat(ok(move(unit, null)).get("version").asLong()).as("already there: nothing changes").isEqualTo(top.get("version").asLong());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(http.get("/api/assets?siteId=" + site + "&parentId=root").json().get("total").asLong()).isEqualTo(3));
    }

    @Test
    void aPersonSetsTheStatusWithAReasonAndDecommissioningIsFinal() {
        String area = register(null, "AREA-7", "Area", "AREA");
        String pump = register(area, "P-7", "Pump", "PUMP");

        JsonNode out = ok(status(pump, "OUT_OF_SERVICE", "seal leaking"));
        assertThat(out.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
        long before = storedEvents();
        refused(status(pump, "ISOLATED", "locked out"), "asset.isolated-by-permits-only");
        refused(status(area, "DECOMMISSIONED", "area closed"), "asset.has-active-children");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(ok(status(pump, "DECOMMISSIONED", "scrapped")).get("status").asText()).isEqualTo("DECOMMISSIONED");
        refused(status(pump, "IN_SERVICE", "back"), "asset.decommissioned");
        refused(move(pump, null), "asset.decommissioned");
        refused(http.post("/api/assets", body(pump, "P-8", "Under a scrapped pump", "PUMP")), "asset.parent-decommissioned");
        assertThat(ok(status(area, "DECOMMISSIONED", "area closed")).get("status").asText())
                .as("no child in use any more").isEqualTo("DECOMMISSIONED");

        assertField(http.post("/api/assets/" + pump + "/status", "{\"status\":\"OUT_OF_SERVICE\"}"), "reason");
        assertField(http.post("/api/assets/" + pump + "/status", "{\"status\":\"BROKEN\",\"reason\":\"x\"}"), "status");
        assertThat(status(UUID.randomUUID().toString(), "OUT_OF_SERVICE", "x").status()).isEqualTo(404);
    }

    @Test
    void permitIsolationsMakeAnAssetIsolatedUntilTheLastIsRemoved() {
        String pump = register(null, "P-9", "Pump", "PUMP");
        String permit = UUID.randomUUID().toString();
        var system = CommandMetadata.system("permit-isolations", "corr-iso-1");

        commands.sendAndWait(new ApplyIsolation(pump, permit, "iso-1"), system);
        commands.sendAndWait(new ApplyIsolation(pump, permit, "iso-2"), system);
        commands.sendAndWait(new ApplyIsolation(pump, permit, "iso-2"), system);
        JsonNode isolated = ok(http.get("/api/assets/" + pump));
        assertThat(isolated.get("status").asText()).isEqualTo("ISOLATED");
        assertThat(isolated.get("underlyingStatus").asText()).isEqualTo("IN_SERVICE");
        assertThat(isolated.get("isolations").findValuesAsText("isolationId")).containsExactly("iso-1", "iso-2");
        assertThat(isolated.get("version").asLong()).as("added, ISOLATED, added; the repeat changed nothing").isEqualTo(3);

        refused(status(pump, "DECOMMISSIONED", "scrapped"), "asset.isolated");
        JsonNode stillIsolated = ok(status(pump, "OUT_OF_SERVICE", "crack found during the work"));
        assertThat(stillIsolated.get("status").asText()).isEqualTo("ISOLATED");
        assertThat(stillIsolated.get("underlyingStatus").asText()).isEqualTo("OUT_OF_SERVICE");

        commands.sendAndWait(new RemoveIsolation(pump, permit, "iso-1"), system);
        commands.sendAndWait(new RemoveIsolation(pump, permit, "iso-1"), system);
        assertThat(ok(http.get("/api/assets/" + pump)).get("status").asText()).isEqualTo("ISOLATED");
        commands.sendAndWait(new RemoveIsolation(pump, permit, "iso-2"), system);
        JsonNode back = ok(http.get("/api/assets/" + pump));
        assertThat(back.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(back.has("underlyingStatus")).isFalse();
        assertThat(back.get("isolations")).isEmpty();

        List<CloudEvent> published = ContextTopic.events(TestInfrastructure.kafka().getBrokersAsString(), pump, 3);
        assertThat(ContextTopic.types(published)).containsExactly("io.sitework.asset.registered.v1",
                "io.sitework.asset.status_changed.v1", "io.sitework.asset.status_changed.v1");
        var toIsolated = published.get(1).dataAs(EventCatalog.ASSET_STATUS_CHANGED);
        assertThat(toIsolated.status()).isEqualTo("ISOLATED");
        assertThat(toIsolated.permitId()).isEqualTo(permit);
        assertThat(published.get(1).actor()).isEqualTo("system:permit-isolations");
        assertThat(published.get(1).correlationid()).isEqualTo("corr-iso-1");
        var fromIsolated = published.get(2).dataAs(EventCatalog.ASSET_STATUS_CHANGED);
        assertThat(fromIsolated.previousStatus()).isEqualTo("ISOLATED");
        assertThat(fromIsolated.status()).isEqualTo("OUT_OF_SERVICE");
        assertThat(fromIsolated.permitId()).isEqualTo(permit);
    }

    @Test
    void theHistoryAndAsOfShowEveryChangeAndTheEventsArePublishedInOrder() throws InterruptedException {
        String area1 = register(null, "AREA-H1", "Area 1", "AREA");
        String area2 = register(null, "AREA-H2", "Area 2", "AREA");
        Http.Response created = http.post("/api/assets", body(area1, "P-H", "Pump", "PUMP"), "X-Correlation-Id", "corr-a-1");
        String pump = created.json().get("id").asText();
        Instant registeredAt = Instant.parse(created.json().get("registeredAt").asText());
        Thread.sleep(20);
        ok(move(pump, area2, "X-Correlation-Id", "corr-a-2"));
        Http carl = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("carl", site, Role.SUPERVISOR));
        ok(carl.post("/api/assets/" + pump + "/status", "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"vibration\"}",
                "X-Correlation-Id", "corr-a-3"));

        Http.Response historyResponse = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("alice", site, Role.AUDITOR))
                .get("/api/assets/" + pump + "/history");
        JsonNode history = ok(historyResponse);
        assertThat(historyResponse.header("ETag")).isEqualTo("\"2\"");
        assertThat(history.get("total").asLong()).isEqualTo(3);
        assertThat(history.get("items").findValuesAsText("type")).containsExactly("io.sitework.asset.registered.v1",
                "io.sitework.asset.moved.v1", "io.sitework.asset.status_changed.v1");
        assertThat(history.get("items").findValuesAsText("actor")).containsExactly("sam", "sam", "carl");
        assertThat(history.get("items").findValuesAsText("correlationId")).containsExactly("corr-a-1", "corr-a-2", "corr-a-3");
        assertThat(history.get("items").get(1).get("data").get("previousParentId").asText()).isEqualTo(area1);
        assertThat(history.get("items").get(2).get("data").get("reason").asText()).isEqualTo("vibration");
        assertThat(ok(http.get("/api/assets/" + pump + "/history?page=1&size=2")).get("items").findValuesAsText("type"))
                .containsExactly("io.sitework.asset.status_changed.v1");

        JsonNode then = ok(http.get("/api/assets/" + pump + "?asOf=" + registeredAt));
        assertThat(then.get("parentId").asText()).isEqualTo(area1);
        assertThat(then.get("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(then.get("version").asLong()).isZero();
        assertThat(http.get("/api/assets/" + pump + "?asOf=" + registeredAt.minusSeconds(60)).status()).isEqualTo(404);
        assertThat(http.get("/api/assets/" + pump + "?asOf=yesterday").status()).isEqualTo(400);

        List<CloudEvent> published = ContextTopic.events(TestInfrastructure.kafka().getBrokersAsString(), pump, 3);
        assertThat(ContextTopic.types(published)).containsExactly("io.sitework.asset.registered.v1",
                "io.sitework.asset.moved.v1", "io.sitework.asset.status_changed.v1");
        assertThat(published).extracting(CloudEvent::sequence).containsExactly(0L, 1L, 2L);
        assertThat(published.get(1).dataAs(EventCatalog.ASSET_MOVED).parentId()).isEqualTo(area2);
        assertThat(published.get(1).dataAs(EventCatalog.ASSET_MOVED).movedBy()).isEqualTo("sam");
        assertThat(published.get(2).dataAs(EventCatalog.ASSET_STATUS_CHANGED).changedBy()).isEqualTo("carl");
        assertThat(published.get(2).dataAs(EventCatalog.ASSET_STATUS_CHANGED).permitId()).isNull();
        assertThat(published).extracting(CloudEvent::id).isEqualTo(new ArrayList<>(history.get("items").findValuesAsText("id")));
    }

    @Test
    void aTagIsUniquePerSiteAndARefusalStoresNothing() {
        register(null, "T-301", "Tank", "TANK");
        long before = storedEvents();

        Http.Response duplicate = http.post("/api/assets", body(null, "t-301", "Another tank", "TANK"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asText()).contains("t-301").contains("already used");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset_registry WHERE site_id = ?", Long.class, site)).isEqualTo(1);
    }

    @Test
    void aParentOnAnotherSiteIsRefusedEvenForAnOrgAdmin() {
        String area = register(null, "AREA-9", "Area", "AREA");
        String otherSite = Sites.register(new Http("http://127.0.0.1:" + port), UUID.randomUUID().toString());
        Http admin = new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"));
        Http.Response refused = admin.post("/api/assets",
                "{\"siteId\":\"" + otherSite + "\",\"parentId\":\"" + area + "\",\"tag\":\"X-1\",\"name\":\"x\",\"assetClass\":\"PUMP\",\"criticality\":\"C\"}");
        refused(refused, "asset.parent-other-site");
        String elsewhere = admin.post("/api/assets", "{\"siteId\":\"" + otherSite + "\",\"tag\":\"X-2\",\"name\":\"x\",\"assetClass\":\"AREA\",\"criticality\":\"C\"}")
                .json().get("id").asText();
        refused(admin.post("/api/assets/" + area + "/move", "{\"parentId\":\"" + elsewhere + "\"}"), "asset.parent-other-site");
    }

    @Test
    void anUnknownParentIsRefused() {
        refused(http.post("/api/assets", body(UUID.randomUUID().toString(), "P-9", "Pump", "PUMP")), "asset.parent-unknown");
    }

    @Test
    void registrationIsPublishedAsAssetRegisteredV1() {
        String id = register(null, "K-1", "Compressor", "COMPRESSOR");
        CloudEvent event = ContextTopic.events(TestInfrastructure.kafka().getBrokersAsString(), id, 1).get(0);
        assertThat(event.type()).isEqualTo(EventCatalog.ASSET_REGISTERED.type());
        assertThat(event.source()).isEqualTo("/sites/" + site + "/assets/" + id);
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).tag()).isEqualTo("K-1");
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).criticality()).isEqualTo("A");
        assertThat(event.actor()).isEqualTo("sam");
    }

    @Test
    void anotherKindOfItemIsNotAnAsset() {
        assertThat(http.get("/api/assets/" + site).status()).as("a site's id").isEqualTo(404);
        assertThat(http.get("/api/assets/" + site + "/history").status()).isEqualTo(404);
        assertThat(http.get("/api/assets/" + site + "/subtree").status()).isEqualTo(404);
        assertThat(move(site, null).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        assertField(http.post("/api/assets", body(null, "", "n", "PUMP")), "tag");
        assertField(http.post("/api/assets", body(null, "P 1", "n", "PUMP")), "tag");
        assertField(http.post("/api/assets", body(null, "P1", "n", "pump")), "assetClass");
        assertField(http.post("/api/assets", body(null, "P1", "n", "PUMP").replace("\"A\"", "\"Z\"")), "criticality");
        assertField(http.post("/api/assets", body(null, "P1", "n", "PUMP").replace(site, "x")), "siteId");
        assertField(http.post("/api/assets", body(null, "P1", "n", "PUMP").replace("\"criticality\"", "\"status\":\"ISOLATED\",\"criticality\"")), "status");
        assertField(http.get("/api/assets/123"), "id");
        assertField(http.get("/api/assets?siteId=" + site + "&parentId=nope"), "parentId");
        assertField(http.post("/api/assets/" + UUID.randomUUID() + "/move", "{\"parentId\":\"nope\"}"), "parentId");
        assertField(http.post("/api/assets/" + UUID.randomUUID() + "/move", "{\"parent\":null}"), "parent");
        assertThat(http.post("/api/assets", "[").status()).isEqualTo(400);
        assertThat(http.get("/api/assets/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
