package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The site directory rebuilt beside the live one ({@code POST /api/admin/replay/context-service/sites}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// its own databases, used by no other class: free their connections for the classes after it
@DirtiesContext
class SiteReplayIT {

    private static final String REPLAY = "/api/admin/replay/context-service/sites";

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

    private JsonNode directory() {
        Http.Response list = admin().get("/api/sites?size=200&sort=code,asc");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    @Test
    void rebuildsTheSiteDirectoryIntoANewCollectionAndSwitchesToIt() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(Sites.register(new Http("http://127.0.0.1:" + port), UUID.randomUUID().toString()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> directory().get("total").asLong() == 20);
        JsonNode before = directory();

        Http.Response started = admin().post(REPLAY, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("building").asText()).isEqualTo("sites_1");

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin().get(REPLAY).json(), p -> !p.get("state").asText().equals("RUNNING")
                        && !p.get("state").asText().equals("SWITCHING"));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("active").asText()).isEqualTo("sites_1");
        assertThat(collections.pointer(SiteProjection.NAME, SiteReplay.INITIAL_COLLECTION).active()).isEqualTo("sites_1");
        assertThat(mongo.collectionExists("sites")).isFalse();
        assertThat(mongo.getCollection("sites_1").listIndexes().into(new ArrayList<Document>()))
                .as("the unique code index, declared on the new collection")
                .anySatisfy(index -> assertThat(index.get("unique")).isEqualTo(true));

        assertThat(directory()).as("the rebuilt directory lists the same sites").isEqualTo(before);

        String later = Sites.register(new Http("http://127.0.0.1:" + port), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(later, Document.class, "sites_1") != null);
        assertThat(directory().get("total").asLong()).isEqualTo(21);
    }
}
