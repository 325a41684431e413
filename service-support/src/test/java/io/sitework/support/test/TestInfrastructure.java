package io.sitework.support.test;

import io.sitework.events.Topics;
import io.sitework.infra.MongoEndpoint;
import io.sitework.infra.PostgresServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The real infrastructure integration tests run against, started once per test JVM and shared by
 * every test class in it: a Kafka broker (KRaft, in-process), a PostgreSQL server (the one on this
 * machine, or an embedded one where none runs) with a fresh database per test class, and a MongoDB
 * wire-protocol endpoint with a fresh database per test class.
 */
public final class TestInfrastructure {

    /** The application role the services' migrations create and grant (see db/axon/V1_1). */
    public static final String APP_ROLE = "sitework_app";

    private static PostgresServer postgres;
    private static MongoEndpoint mongo;
    private static EmbeddedKafkaKraftBroker kafka;
    private static final List<String> createdDatabases = new ArrayList<>();

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.fromEnvironment(null);
            PostgresServer server = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // leave the shared server as we found it: drop this JVM's databases, then stop an embedded server
                synchronized (TestInfrastructure.class) {
                    createdDatabases.forEach(db -> {
                        try {
                            server.dropDatabaseIfExists(db);
                        } catch (RuntimeException e) {
                            System.err.println("Could not drop test database " + db + ": " + e.getMessage());
                        }
                    });
                }
                server.close();
            }, "test-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized MongoEndpoint mongo() {
        if (mongo == null) {
            String external = System.getenv("SITEWORK_TEST_MONGO_URI");
            mongo = external == null || external.isBlank() ? MongoEndpoint.inProcess(0, null) : MongoEndpoint.external(external);
            MongoEndpoint endpoint = mongo;
            Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close, "test-mongo-stop"));
        }
        return mongo;
    }

    public static synchronized EmbeddedKafkaKraftBroker kafka() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.WORK, Topics.CONTEXT, Topics.NOTIFICATION);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        }
        return kafka;
    }

    /** A new, empty database on the shared server; its name starts with {@code prefix}. */
    public static synchronized String newPostgresDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase();
        String url = postgres().createDatabaseIfMissing(name);
        createdDatabases.add(name);
        return url;
    }

    /** Points a Spring test context at a fresh PostgreSQL database, a fresh Mongo database and the broker. */
    public static void register(DynamicPropertyRegistry registry, String service) {
        String jdbcUrl = newPostgresDatabase("sw_" + service.replace('-', '_'));
        registry.add("spring.datasource.url", () -> jdbcUrl);
        // migrations as the server's owner role, the service as the application role, as in production
        registry.add("spring.flyway.user", () -> postgres().user());
        registry.add("spring.flyway.password", () -> postgres().password());
        registry.add("spring.datasource.username", () -> APP_ROLE);
        registry.add("spring.datasource.password", () -> "");
        // a test JVM caches many contexts, each with its own pool, against one server (100 connections by
        // default): a cached context keeps at most one idle connection, and gives the others back quickly
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registerWithoutPostgres(registry, service);
    }

    /**
     * Points a Spring test context at infrastructure started elsewhere (Testcontainers' images in the *ContainersIT
     * twins): migrations as the server's owner, the service as the application role with a password.
     */
    public static void registerExternal(DynamicPropertyRegistry registry, Supplier<Object> jdbcUrl, Supplier<Object> ownerUser,
                                        Supplier<Object> ownerPassword, Supplier<Object> mongoUri, Supplier<Object> kafkaBootstrap) {
        registry.add("spring.datasource.url", jdbcUrl);
        registry.add("spring.flyway.user", ownerUser);
        registry.add("spring.flyway.password", ownerPassword);
        registry.add("spring.flyway.placeholders.appPassword", () -> "app-secret");
        registry.add("spring.datasource.username", () -> APP_ROLE);
        registry.add("spring.datasource.password", () -> "app-secret");
        registry.add("spring.data.mongodb.uri", mongoUri);
        registry.add("spring.kafka.bootstrap-servers", kafkaBootstrap);
        registry.add("sitework.security.issuer", () -> TestTokens.ISSUER);
        registry.add("sitework.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    /** Mongo and Kafka only, for services without an event store. */
    public static void registerWithoutPostgres(DynamicPropertyRegistry registry, String service) {
        String mongoDb = ("sw_" + service + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
        registry.add("spring.data.mongodb.uri", () -> mongo().uri(mongoDb));
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().getBrokersAsString());
        // each context its own consumer group: contexts of one JVM share the broker, and a context must
        // not take the partitions (and so the records) meant for another's databases
        String consumerGroup = service + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.kafka.consumer.group-id", () -> consumerGroup);
        // a test JVM's contexts close at exit while its databases are dropped: don't wait for deadlines then
        registry.add("db-scheduler.shutdown-max-wait", () -> "2s");
        registry.add("sitework.security.issuer", () -> TestTokens.ISSUER);
        registry.add("sitework.security.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("sitework.security.audience", () -> TestTokens.AUDIENCE);
    }
}
