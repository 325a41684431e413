package io.sitework.context.it;

import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.kafka.KafkaContainer;

/**
 * context-service against container images of PostgreSQL, Kafka and real MongoDB, for the *ContainersIT twins
 * (annotated {@code @Testcontainers(disabledWithoutDocker = true)}: they run where Docker does). Each twin gets fresh
 * containers, so its Spring context is closed after it rather than cached for the next one.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ContextContainers {

    @Container
    static final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerExternal(registry, postgres::getJdbcUrl, postgres::getUsername, postgres::getPassword,
                () -> mongo.getReplicaSetUrl("sitework_context"), kafka::getBootstrapServers);
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }
}
