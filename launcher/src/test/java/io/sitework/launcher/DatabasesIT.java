package io.sitework.launcher;

import io.sitework.infra.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the local (or embedded) PostgreSQL, with database names of its own. */
class DatabasesIT {

    @TempDir
    Path tmp;

    private PostgresServer server;
    private Databases.Names usual;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void names() {
        server = PostgresServer.fromEnvironment(tmp.resolve("postgres"));
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        usual = new Databases.Names("sw_dbit_work_" + unique, "sw_dbit_context_" + unique, "sw_dbit_notification_" + unique);
    }

    @AfterEach
    void dropEverythingCreated() {
        created.forEach(server::dropDatabaseIfExists);
        server.close();
    }

    private Databases.Resolution prepare(String dataDir, boolean fresh) {
        Databases.Resolution resolution = new Databases(server, tmp.resolve(dataDir + ".properties")).prepare(usual, fresh);
        created.addAll(resolution.names().eventStores());
        return resolution;
    }

    private void storeAnEvent(String database) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE domain_event_entry (id int)");
        }
    }

    private boolean hasEvents(String database) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('domain_event_entry') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void aDataDirectoryCreatesTheUsualDatabasesAndFindsThemAgainWithTheirData() throws Exception {
        Databases.Resolution first = prepare("a", false);
        assertThat(first.names()).isEqualTo(usual);
        assertThat(first.note()).isEmpty();
        storeAnEvent(usual.work());

        Databases.Resolution again = prepare("a", false);

        assertThat(again.names()).isEqualTo(usual);
        assertThat(hasEvents(usual.work())).isTrue();
    }

    @Test
    void anotherDataDirectoryGetsDatabasesOfItsOwnAndLeavesTheFirstAlone() throws Exception {
        prepare("a", false);
        storeAnEvent(usual.work());

        Databases.Resolution other = prepare("b", true); // even --fresh does not touch the first one's data

        assertThat(other.names().work()).startsWith(usual.work() + "_").isNotEqualTo(usual.work());
        assertThat(other.names().context()).startsWith(usual.context() + "_");
        assertThat(other.names().notification()).startsWith(usual.notification() + "_");
        assertThat(other.note()).contains("hold another data directory's events");
        assertThat(hasEvents(usual.work())).isTrue();
        assertThat(hasEvents(other.names().work())).isFalse();
        // and it keeps them across restarts
        assertThat(prepare("b", false).names()).isEqualTo(other.names());
    }

    @Test
    void aDatabaseCreatedByAServiceRunFromAnIdeIsNotClaimed() throws Exception {
        server.createDatabaseIfMissing(usual.work());
        created.add(usual.work());
        storeAnEvent(usual.work());

        Databases.Resolution resolution = prepare("a", false);

        assertThat(resolution.names().work()).isNotEqualTo(usual.work());
        assertThat(hasEvents(usual.work())).isTrue();
    }

    @Test
    void freshDropsOnlyThisDataDirectorysDatabases() throws Exception {
        prepare("a", false);
        storeAnEvent(usual.work());

        Databases.Resolution fresh = prepare("a", true);

        assertThat(fresh.names()).isEqualTo(usual);
        assertThat(hasEvents(usual.work())).isFalse();
        // still claimed: the next start keeps them
        assertThat(prepare("a", false).names()).isEqualTo(usual);
    }
}
