package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain of stored events ({@code GET /api/audit/work/{id}/verify}): set by the database for
 * every event, intact after ordinary use, and broken where someone with the owner's powers changed or
 * removed an event behind the service's back.
 */
class EventChainIT extends WorkQueryTestSupport {

    @Autowired
    JdbcTemplate appConnection;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    /** Work with six events: requested, three comments, planned, started. */
    private String workWithSixEvents(String site) {
        Http lea = lead(site);
        String id = create(lea, site, "Replace gasket on P-101", w -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(lea.post("/api/work/" + id + "/comments", "{\"text\":\"note " + i + "\"}").status()).isEqualTo(201);
        }
        start(lea, id);
        return id;
    }

    private JsonNode verify(String site, String id) {
        return ok(as("audrey", site, Role.AUDITOR).get("/api/audit/work/" + id + "/verify"));
    }

    /** Runs statements as the owner (a superuser here), the immutability trigger disabled meanwhile. */
    private void tamper(String... statements) throws SQLException {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection owner = TestInfrastructure.postgres().connect(database); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_immutable");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } finally {
                statement.execute("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_immutable");
            }
        }
    }

    @Test
    void eventsStoredThroughTheServiceFormAnIntactChain() {
        String site = randomSite();
        String id = workWithSixEvents(site);

        JsonNode verdict = verify(site, id);

        assertThat(verdict.get("aggregateId").asText()).isEqualTo(id);
        assertThat(verdict.get("aggregateType").asText()).isEqualTo("Work");
        assertThat(verdict.get("events").asLong()).isEqualTo(6);
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.hasNonNull("firstBrokenSequence")).isFalse();
        assertThat(verdict.hasNonNull("problem")).isFalse();
        assertThat(verdict.get("verifiedAt").asText()).isNotBlank();

        List<Map<String, Object>> rows = appConnection.queryForList(
                "SELECT previoushash, hash FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", id);
        assertThat(rows).hasSize(6);
        assertThat((byte[]) rows.get(0).get("previoushash")).isEqualTo(new byte[32]);
        for (int i = 1; i < rows.size(); i++) {
            assertThat((byte[]) rows.get(i).get("previoushash")).as("link of " + i).isEqualTo(rows.get(i - 1).get("hash"));
            assertThat((byte[]) rows.get(i).get("hash")).hasSize(32).isNotEqualTo(rows.get(i - 1).get("hash"));
        }
        assertThat(verdict.get("lastHash").asText()).isEqualTo(HexFormat.of().formatHex((byte[]) rows.get(5).get("hash")));
    }

    @Test
    void aChangedPayloadIsReportedAtItsSequence() throws SQLException {
        String site = randomSite();
        String id = workWithSixEvents(site);
        tamper("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'note 1', 'note X'), 'UTF8')"
                + " WHERE aggregateidentifier = '" + id + "' AND sequencenumber = 2");
        assertThat(appConnection.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND sequencenumber = 2", String.class, id)).contains("note X");

        JsonNode verdict = verify(site, id);

        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("events").asLong()).isEqualTo(6);
        assertThat(verdict.get("firstBrokenSequence").asLong()).isEqualTo(2);
        assertThat(verdict.get("problem").asText()).isEqualTo("content changed");
    }

    @Test
    void aRemovedEventIsReportedAsAGap() throws SQLException {
        String site = randomSite();
        String id = workWithSixEvents(site);
        String untouched = workWithSixEvents(site);
        tamper("DELETE FROM domainevententry WHERE aggregateidentifier = '" + id + "' AND sequencenumber = 3");

        JsonNode verdict = verify(site, id);

        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("events").asLong()).isEqualTo(5);
        assertThat(verdict.get("firstBrokenSequence").asLong()).isEqualTo(3);
        assertThat(verdict.get("problem").asText()).isEqualTo("sequence gap");
        assertThat(verify(site, untouched).get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventMovedIntoTheHoleOfARemovedOneIsCaughtThere() throws SQLException {
        String site = randomSite();
        String id = workWithSixEvents(site);
        tamper("DELETE FROM domainevententry WHERE aggregateidentifier = '" + id + "' AND sequencenumber = 3",
                "UPDATE domainevententry SET sequencenumber = 3 WHERE aggregateidentifier = '" + id + "' AND sequencenumber = 4");

        JsonNode verdict = verify(site, id);

        // its sequence is part of what was hashed, so the moved event no longer matches its hash
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenSequence").asLong()).isEqualTo(3);
        assertThat(verdict.get("problem").asText()).isEqualTo("content changed");
    }

    @Test
    void theServicesRoleCannotChangeHashesNorChooseThem() {
        String site = randomSite();
        String id = workWithSixEvents(site);

        assertThatThrownBy(() -> appConnection.update("UPDATE domainevententry SET hash = NULL WHERE aggregateidentifier = ?", id))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied for table domainevententry");
        assertThatThrownBy(() -> appConnection.update("UPDATE domainevententry SET previoushash = hash WHERE aggregateidentifier = ?", id))
                .isInstanceOf(DataAccessException.class);

        String stray = UUID.randomUUID().toString();
        appConnection.update(con -> {
            PreparedStatement insert = con.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, payload, payloadtype, timestamp, previoushash, hash) VALUES (?, 0, 'Stray', ?, '\\x7b7d', 'x', 't', ?, ?)");
            insert.setString(1, stray);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, new byte[] {1});
            insert.setBytes(4, new byte[] {2});
            return insert;
        });
        Map<String, Object> stored = appConnection.queryForMap(
                "SELECT previoushash, hash, sitework_event_hash(previoushash, e) AS recomputed FROM domainevententry e WHERE aggregateidentifier = ?", stray);
        assertThat((byte[]) stored.get("previoushash")).isEqualTo(new byte[32]);
        assertThat((byte[]) stored.get("hash")).isEqualTo(stored.get("recomputed"));

        assertThatThrownBy(() -> appConnection.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                + " eventidentifier, payload, payloadtype, timestamp) VALUES (?, 2, 'Stray', ?, '\\x7b7d', 'x', 't')", stray, UUID.randomUUID().toString()))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("no stored predecessor");
    }

    @Test
    void onlyReadersOfTheAuditOnTheSiteMayVerifyAndOnlyWork() {
        String site = randomSite();
        String id = workWithSixEvents(site);

        assertProblem(as("rita", site, Role.REQUESTER).get("/api/audit/work/" + id + "/verify"), 403, null);
        assertProblem(as("stan", randomSite(), Role.AUDITOR).get("/api/audit/work/" + id + "/verify"), 404, null);
        assertThat(as("sue", site, Role.SUPERVISOR).get("/api/audit/work/" + id + "/verify").status()).isEqualTo(200);
        assertThat(admin().get("/api/audit/work/" + id + "/verify").status()).isEqualTo(200);
        assertProblem(admin().get("/api/audit/work/" + UUID.randomUUID() + "/verify"), 404, null);
        assertProblem(admin().get("/api/audit/work/not-a-uuid/verify"), 400, "id");

        Http.Response schedule = admin().post("/api/schedules", """
                {"siteId":"%s","timeZone":"UTC","recurrence":{"type":"CRON","cron":"0 0 0 1 1 *"},
                 "template":{"kind":"ROUND","title":"Yearly round","priority":"LOW","duration":"PT1H"}}""".formatted(site));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
        assertProblem(admin().get("/api/audit/work/" + schedule.json().get("id").asText() + "/verify"), 404, null);
    }
}
