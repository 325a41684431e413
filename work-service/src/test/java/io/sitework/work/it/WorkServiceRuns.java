package io.sitework.work.it;

import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.work.WorkServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

/**
 * work-service started, stopped and started again on the same PostgreSQL and MongoDB databases, as
 * a restart in production would: for tests of what must survive one (deadlines, schedules).
 */
final class WorkServiceRuns {

    final String jdbcUrl;
    final String mongoUri;
    final String consumerGroup;

    WorkServiceRuns(String name) {
        this.jdbcUrl = TestInfrastructure.newPostgresDatabase("sw_" + name);
        this.consumerGroup = "work-service-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.mongoUri = TestInfrastructure.mongo().uri(("sw_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_'));
    }

    /** A new run of the service on this pair of databases. */
    ConfigurableApplicationContext start() {
        // as command-line arguments: they win over application.yml (builder properties would not)
        return new SpringApplicationBuilder(WorkServiceApplication.class).run(
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
                "--db-scheduler.polling-interval=1s");
    }

    static Http http(ConfigurableApplicationContext context, String token) {
        return new Http("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")).as(token);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
