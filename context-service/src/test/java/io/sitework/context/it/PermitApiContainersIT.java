package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.List;

import static io.sitework.context.it.PermitFlow.isolation;
import static io.sitework.context.it.PermitFlow.isolationIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The permit slice against container images of PostgreSQL, Kafka and real MongoDB, where Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitApiContainersIT {

    @Container
    static final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.flyway.user", postgres::getUsername);
        registry.add("spring.flyway.password", postgres::getPassword);
        registry.add("spring.flyway.placeholders.appPassword", () -> "app-secret");
        registry.add("spring.datasource.username", () -> "sitework_app");
        registry.add("spring.datasource.password", () -> "app-secret");
        registry.add("spring.data.mongodb.uri", () -> mongo.getReplicaSetUrl("sitework_context"));
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("sitework.security.issuer", () -> TestTokens.ISSUER);
        registry.add("sitework.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Test
    void aPermitIsIssuedAndClosedAndListedOnRealMongoWithItsIndexes() {
        PermitFlow flow = new PermitFlow(port);
        String pump = flow.asset("P-101");
        JsonNode permit = flow.request(flow.body("ELECTRICAL", List.of(), List.of(pump), List.of(isolation("MCC-4 breaker", "DISCONNECT",
                pump))));
        String id = permit.get("id").asText();
        String breaker = isolationIds(permit).get(0);
        flow.issue(id);
        assertThat(flow.paul.post("/api/permits/" + id + "/isolations/" + breaker + "/remove", null).status()).isEqualTo(409);
        flow.step(flow.rita, id, "handback", null);
        flow.isolationStep(flow.ivan, id, breaker, "remove");
        assertThat(flow.step(flow.paul, id, "close", null).get("status").asText()).isEqualTo("CLOSED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = flow.rita.get("/api/permits?siteId=" + flow.site + "&status=CLOSED&assetId=" + pump).json();
            assertThat(list.get("items").findValuesAsText("id")).containsExactly(id);
            assertThat(flow.rita.get("/api/assets/" + pump + "/active-permits").json().get("permits")).isEmpty();
        });
    }
}
