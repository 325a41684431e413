package io.sitework.context.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The asset slice against container images of PostgreSQL, Kafka and real MongoDB, where Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssetApiContainersIT {

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
    void registersAndListsAssetsWithUniqueTags() {
        String site = UUID.randomUUID().toString();
        Http http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("sam", site, Role.SITE_ADMIN));
        String body = "{\"siteId\":\"" + site + "\",\"tag\":\"P-101\",\"name\":\"Pump\",\"assetClass\":\"PUMP\",\"criticality\":\"B\"}";
        assertThat(http.post("/api/assets", body).status()).isEqualTo(201);
        assertThat(http.post("/api/assets", body).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get("/api/assets?siteId=" + site + "&q=P-1").json().get("total").asLong()).isEqualTo(1));
    }
}
