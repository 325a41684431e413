package io.sitework.support.test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

/**
 * A service started, stopped and started again on the same PostgreSQL and MongoDB databases, as a
 * restart in production would: for tests of what must survive one (deadlines, schedules).
 */
public class ServiceRuns {

    private final Class<?> application;
    public final String jdbcUrl;
    public final String mongoUri;
    /** The same across runs: a restarted consumer resumes from the offsets the previous run committed. */
    public final String consumerGroup;

    public ServiceRuns(Class<?> application, String name) {
        this.application = application;
        this.jdbcUrl = TestInfrastructure.newPostgresDatabase("sw_" + name);
        this.consumerGroup = application.getSimpleName() + "-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.mongoUri = TestInfrastructure.mongo().uri(("sw_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_'));
    }

    /** A new run of the service on this pair of databases. */
    public ConfigurableApplicationContext start() {
        return start(new String[0]);
    }

    /** A new run with extra command-line arguments ({@code --name=value}), which win over the defaults here. */
    public ConfigurableApplicationContext start(String... extra) {
        // as command-line arguments: they win over application.yml (builder properties would not)
        String[] base = {
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestInfrastructure.APP_ROLE,
                "--spring.datasource.password=",
                "--spring.flyway.user=" + TestInfrastructure.postgres().user(),
                "--spring.flyway.password=" + nullToEmpty(TestInfrastructure.postgres().password()),
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().getBrokersAsString(),
                "--spring.kafka.consumer.group-id=" + consumerGroup,
                "--sitework.security.issuer=" + TestTokens.ISSUER,
                "--sitework.security.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--sitework.security.audience=" + TestTokens.AUDIENCE,
                "--db-scheduler.polling-interval=1s"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new SpringApplicationBuilder(application).run(args);
    }

    public static Http http(ConfigurableApplicationContext context, String token) {
        return new Http("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")).as(token);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
