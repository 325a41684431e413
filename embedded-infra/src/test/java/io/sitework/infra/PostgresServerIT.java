package io.sitework.infra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerIT {

    @Test
    void findsOrStartsAServerAndCreatesDatabasesIdempotently() throws Exception {
        try (PostgresServer server = PostgresServer.fromEnvironment(null)) {
            String db = "sw_infra_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try {
                String url = server.createDatabaseIfMissing(db);
                assertThat(server.createDatabaseIfMissing(db)).isEqualTo(url);
                try (Connection c = server.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(db);
                }
            } finally {
                server.dropDatabaseIfExists(db);
            }
        }
    }

    @Test
    void startsAnEmbeddedServerWhenNoneIsAvailable() throws Exception {
        try (PostgresServer server = PostgresServer.startEmbedded(null)) {
            assertThat(server.isEmbedded()).isTrue();
            server.createDatabaseIfMissing("sitework_probe");
            try (Connection c = server.connect("sitework_probe"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }
}
