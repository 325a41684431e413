package io.sitework.support.test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A service started, stopped and started again on the same PostgreSQL and MongoDB databases, as a
 * restart in production would: for tests of what must survive one (deadlines, schedules).
 */
public class ServiceRuns {

    public final String jdbcUrl;
    public final String mongoUri;
    private final Class<?> application;

    public ServiceRuns(Class<?> application, String name) {
        this.application = application;
        this.jdbcUrl = TestInfrastructure.newPostgresDatabase("sw_" + name);
        this.mongoUri = TestInfrastructure.mongo().uri(("sw_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_'));
    }

    /** A new run of the service on this pair of databases; {@code extraArguments} like {@code --name=value}. */
    public ConfigurableApplicationContext start(String... extraArguments) {
        // as command-line arguments: they win over application.yml (builder properties would not)
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestInfrastructure.APP_ROLE,
                "--spring.datasource.password=",
                "--spring.flyway.user=" + TestInfrastructure.postgres().user(),
                "--spring.flyway.password=" + nullToEmpty(TestInfrastructure.postgres().password()),
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().getBrokersAsString(),
                "--sitework.security.issuer=" + TestTokens.ISSUER,
                "--sitework.security.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--sitework.security.audience=" + TestTokens.AUDIENCE,
                "--db-scheduler.polling-interval=1s"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }

    public static Http http(ConfigurableApplicationContext context, String token) {
        return new Http("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")).as(token);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
