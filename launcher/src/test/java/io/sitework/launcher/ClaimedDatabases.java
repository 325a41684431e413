package io.sitework.launcher;

import io.sitework.infra.PostgresServer;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** Drops the PostgreSQL databases a test's data directory claimed on a shared server. */
final class ClaimedDatabases {

    private ClaimedDatabases() {
    }

    static void drop(Path dataDir, String... usualNames) {
        DataDirectory dir = new DataDirectory(dataDir);
        if (!Files.isRegularFile(dir.databasesFile()) || Files.isDirectory(dir.postgres())) {
            return; // nothing claimed, or an embedded server that went with the data directory
        }
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(dir.databasesFile())) {
            state.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String owner = state.getProperty("owner");
        String suffix = state.getProperty("suffix", "");
        PostgresServer server = PostgresServer.findOrStart(System.getenv("SITEWORK_POSTGRES_URL"),
                System.getenv("SITEWORK_POSTGRES_USER"), System.getenv("SITEWORK_POSTGRES_PASSWORD"), null);
        for (String usual : usualNames) {
            String database = usual + suffix;
            if (Databases.comment(owner).equals(commentOf(server, database))) {
                server.dropDatabaseIfExists(database);
            }
        }
    }

    private static String commentOf(PostgresServer server, String database) {
        try (Connection c = server.connect("postgres");
             PreparedStatement query = c.prepareStatement(
                     "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
