package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database created before persistent deadlines existed (past the service's own V3, without the
 * shared V1_2) is upgraded in place: the service starts, adds scheduled_tasks, and deadlines work.
 */
class SchedulerTableUpgradeIT {

    private final WorkServiceRuns runs = new WorkServiceRuns("work_upgrade");
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private Flyway flyway(String location, String target) {
        var config = Flyway.configure()
                .dataSource(runs.jdbcUrl, TestInfrastructure.postgres().user(), TestInfrastructure.postgres().password())
                .locations(location)
                .placeholders(Map.of("appUser", TestInfrastructure.APP_ROLE, "appPassword", ""))
                .validateOnMigrate(false);
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void anExistingDatabaseGetsTheSchedulerTableAndDeadlinesWork() {
        // the database as the previous release left it: V1, V1_1, then the service's own V3
        flyway("classpath:db/axon", "1.1").migrate();
        flyway("classpath:db/migration", "3").migrate();
        JdbcTemplate owner = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(runs.jdbcUrl,
                TestInfrastructure.postgres().user(), TestInfrastructure.postgres().password()));
        assertThat(owner.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class))
                .containsExactly("1", "1.1", "3");

        context = runs.start();

        assertThat(owner.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class))
                // the old database's migrations first, then every pending one (this test does not pin later ones)
                .startsWith("1", "1.1", "3").contains("1.2", "4").doesNotHaveDuplicates();
        String site = UUID.randomUUID().toString();
        Http http = WorkServiceRuns.http(context, TestTokens.forSite("anna", site, Role.PLANNER));
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"CLEANING","title":"Clean the silo","priority":"LOW","dueAt":"%s"}""".formatted(site, due));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JdbcTemplate app = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%WorkOverdue'", Long.class, id) == 1);
    }
}
