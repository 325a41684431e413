package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored events cannot be changed or removed: the service's own database role lacks the privileges,
 * and even the owner (a superuser here) is stopped by a trigger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventStoreImmutabilityIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_immutable");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate appConnection;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    private String storeAnEvent() {
        String site = UUID.randomUUID().toString();
        Http.Response created = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("rita", site, Role.REQUESTER))
                .post("/api/work", "{\"siteId\":\"" + site + "\",\"kind\":\"OTHER\",\"title\":\"Fact\",\"priority\":\"LOW\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void theServicesRoleMayReadAndAppendButNotChangeOrRemoveEvents() {
        String id = storeAnEvent();
        assertThat(appConnection.queryForObject("SELECT current_user", String.class)).isEqualTo(TestInfrastructure.APP_ROLE);

        assertRefused(() -> appConnection.update("UPDATE domainevententry SET payloadtype = 'x' WHERE aggregateidentifier = ?", id));
        assertRefused(() -> appConnection.update("DELETE FROM domainevententry WHERE aggregateidentifier = ?", id));
        assertRefused(() -> appConnection.execute("TRUNCATE domainevententry"));

        assertThat(appConnection.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void evenTheOwnerIsStoppedByTheTrigger() throws SQLException {
        String id = storeAnEvent();
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection owner = TestInfrastructure.postgres().connect(database); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE domainevententry SET payloadtype = 'x' WHERE aggregateidentifier = '" + id + "'"))
                    .hasMessageContaining("stored events are immutable");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM domainevententry WHERE aggregateidentifier = '" + id + "'"))
                    .hasMessageContaining("stored events are immutable");
            assertThatThrownBy(() -> statement.execute("TRUNCATE domainevententry"))
                    .hasMessageContaining("stored events are immutable");
        }
        assertThat(appConnection.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id))
                .isEqualTo(1);
    }

    private static void assertRefused(Runnable statement) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied for table domainevententry");
    }
}
