package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.context.asset.query.AssetTreeProjection;
import io.sitework.context.contractor.query.ContractorProjection;
import io.sitework.context.permit.query.PermitProjection;
import io.sitework.context.site.query.SiteProjection;
import io.sitework.context.site.query.SiteReplay;
import io.sitework.support.replay.ReadModelCollections;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.sitework.context.it.PermitFlow.isolation;
import static io.sitework.context.it.PermitFlow.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every read model of context-service rebuilt beside the live one ({@code POST /api/admin/replay/context-service/…})
 * while people keep working: each ends identical to a fold over the event store, later writes land in the
 * new collections, and the replaced ones are dropped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitework.replay.drop-delay=PT1S")
// its own databases, used by no other class: free their connections for the classes after it
@DirtiesContext
class ContextReplayIT {

    private static final String REPLAY = "/api/admin/replay/context-service/";
    private static final Map<String, String> INITIAL = Map.of(
            SiteProjection.NAME, "sites", AssetTreeProjection.NAME, "assets", PermitProjection.NAME, "permits",
            ContractorProjection.NAME, "contractors");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_replay");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReadModelCollections collections;

    private Http admin() {
        return new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"));
    }

    private JsonNode list(String path) {
        return ok(admin().get(path));
    }

    @Test
    void rebuildsEveryReadModelUnderLoadAndEndsIdenticalToTheEventStore() throws Exception {
        PermitFlow flow = new PermitFlow(port);
        List<String> assets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            assets.add(flow.asset("P-" + (100 + i)));
        }
        for (int i = 0; i < 6; i++) {
            contractor(flow, "Contractor " + i);
        }
        List<String> permits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = flow.request(flow.body("HOT_WORK", List.of(), List.of(assets.get(i)),
                    List.of(isolation("Breaker " + i, "LOCK_OUT", assets.get(i))))).get("id").asText();
            permits.add(id);
        }
        flow.issue(permits.get(0));
        flow.step(flow.paul, permits.get(3), "approve", null);
        String site = flow.site;
        await().atMost(Duration.ofSeconds(30)).until(() -> total("/api/assets?siteId=" + site) == 12
                && total("/api/contractors?siteId=" + site) == 6 && total("/api/permits?siteId=" + site) == 4);

        for (String readModel : INITIAL.keySet()) {
            Http.Response started = admin().post(REPLAY + readModel, null);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("building").asText()).isEqualTo(INITIAL.get(readModel) + "_1");
        }
        // the site keeps working during the rebuilds
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 8; i++) {
                assets.add(flow.asset("Q-" + (200 + i)));
                contractor(flow, "Later contractor " + i);
            }
            flow.issue(permits.get(1));
            flow.step(flow.paul, permits.get(2), "reject", "{\"reason\":\"scope unclear\"}");
        });

        Map<String, JsonNode> ends = new HashMap<>();
        for (String readModel : INITIAL.keySet()) {
            JsonNode end = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin().get(REPLAY + readModel).json(), p -> !p.get("state").asText().equals("RUNNING")
                            && !p.get("state").asText().equals("SWITCHING"));
            ends.put(readModel, end);
        }
        load.get();

        for (String readModel : INITIAL.keySet()) {
            JsonNode end = ends.get(readModel);
            String rebuilt = INITIAL.get(readModel) + "_1";
            assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("DONE");
            assertThat(end.get("active").asText()).isEqualTo(rebuilt);
            assertThat(end.get("eventsDone").asLong()).as(readModel).isPositive();
            assertThat(end.get("instance").asText()).isNotBlank();
            assertThat(collections.pointer(readModel, INITIAL.get(readModel)).active()).isEqualTo(rebuilt);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(mongo.collectionExists(INITIAL.get(readModel))).as("the replaced " + readModel + " is dropped").isFalse());
        }
        assertThat(mongo.getCollection("sites_1").listIndexes().into(new ArrayList<Document>()))
                .as("the unique code index, declared on the new collection")
                .anySatisfy(index -> assertThat(index.get("unique")).isEqualTo(true));
        assertThat(mongo.getCollection("permits_1").listIndexes().into(new ArrayList<Document>()))
                .extracting(index -> index.getString("name")).contains("site_status", "workIds", "isolationAssetIds");

        // every read model, rebuilt and then kept by the live processor, equals the fold over the event store
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertListedAsStored("/api/assets?siteId=" + site + "&size=100", "/api/assets/", 20);
            assertListedAsStored("/api/contractors?siteId=" + site + "&size=100", "/api/contractors/", 14);
            assertListedAsStored("/api/permits?siteId=" + site + "&size=100", "/api/permits/", 4);
        });
        JsonNode permitList = list("/api/permits?siteId=" + site + "&size=100");
        Map<String, String> statuses = new HashMap<>();
        permitList.get("items").forEach(p -> statuses.put(p.get("id").asText(), p.get("status").asText()));
        assertThat(statuses.get(permits.get(1))).isEqualTo("ISSUED");
        assertThat(statuses.get(permits.get(2))).isEqualTo("REJECTED");
        assertThat(statuses.get(permits.get(3))).isEqualTo("APPROVED");
        assertThat(list("/api/sites?size=200").get("items")).extracting(s -> s.get("id").asText()).contains(site);
        assertThat(collections.active(SiteProjection.NAME, SiteReplay.INITIAL_COLLECTION)).isEqualTo("sites_1");

        // a second rebuild of the same read model builds the next generation
        Http.Response again = admin().post(REPLAY + AssetTreeProjection.NAME, null);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json().get("building").asText()).isEqualTo("assets_2");
        JsonNode secondEnd = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin().get(REPLAY + AssetTreeProjection.NAME).json(), p -> p.get("state").asText().equals("DONE"));
        assertThat(secondEnd.get("active").asText()).isEqualTo("assets_2");
        assertListedAsStored("/api/assets?siteId=" + site + "&size=100", "/api/assets/", 20);
    }

    @Test
    void unknownReadModelsAndServicesAre404AndOnlyOrgAdminsMayRebuild() {
        Http.Response unknown = admin().post(REPLAY + "nothing", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).contains("application/problem+json");
        assertThat(admin().get("/api/admin/replay/work-service/" + AssetTreeProjection.NAME).status()).isEqualTo(404);
        Http.Response planner = new Http("http://127.0.0.1:" + port)
                .as(TestTokens.forSite("pia", UUID.randomUUID().toString(), io.sitework.support.security.Role.SITE_ADMIN))
                .post(REPLAY + PermitProjection.NAME, null);
        assertThat(planner.status()).isEqualTo(403);
    }

    private static void contractor(PermitFlow flow, String name) {
        Http.Response created = flow.sam.post("/api/contractors", "{\"siteId\":\"" + flow.site + "\",\"name\":\"" + name
                + "\",\"contactEmail\":\"ops@acme.example\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private long total(String path) {
        return list(path).get("total").asLong();
    }

    /** Each listed item (from the read model) equals the item read from the event store. */
    private void assertListedAsStored(String listPath, String itemPath, int expected) {
        JsonNode listed = list(listPath);
        assertThat(listed.get("total").asLong()).as(listPath).isEqualTo(expected);
        for (JsonNode item : listed.get("items")) {
            assertThat(item).as(itemPath + item.get("id").asText()).isEqualTo(list(itemPath + item.get("id").asText()));
        }
    }
}
