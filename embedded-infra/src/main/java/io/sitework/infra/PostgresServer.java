package io.sitework.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to put Sitework's event stores in: the one named by {@code SITEWORK_POSTGRES_URL},
 * else one answering on 127.0.0.1:5432 with the default credentials, else an embedded PostgreSQL
 * started from Maven Central binaries. Databases are created on demand.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String origin;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, String origin, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.origin = origin;
        this.embedded = embedded;
    }

    /**
     * Finds or starts a server.
     *
     * @param serverUrl        {@code jdbc:postgresql://host:port[/db]} to use as is, or null to look for one
     * @param user             user for {@code serverUrl} and the local probe (default postgres)
     * @param password         password, may be empty
     * @param embeddedDataDir  where an embedded server keeps its data; null for a throw-away directory
     */
    public static PostgresServer findOrStart(String serverUrl, String user, String password, Path embeddedDataDir) {
        String effectiveUser = user == null || user.isBlank() ? "postgres" : user;
        String effectivePassword = password == null ? "" : password;
        if (serverUrl != null && !serverUrl.isBlank()) {
            HostPort hp = HostPort.fromJdbcUrl(serverUrl);
            PostgresServer server = new PostgresServer(hp.host(), hp.port(), effectiveUser, effectivePassword, "configured " + serverUrl, null);
            server.awaitReady(Duration.ofSeconds(30));
            return server;
        }
        PostgresServer local = new PostgresServer("127.0.0.1", 5432, effectiveUser, effectivePassword, "local server on 127.0.0.1:5432", null);
        if (local.answers()) {
            return local;
        }
        return startEmbedded(embeddedDataDir);
    }

    /** Looks for a server like {@link #findOrStart} using the SITEWORK_POSTGRES_* environment variables. */
    public static PostgresServer fromEnvironment(Path embeddedDataDir) {
        return findOrStart(System.getenv("SITEWORK_POSTGRES_URL"), System.getenv("SITEWORK_POSTGRES_USER"),
                System.getenv("SITEWORK_POSTGRES_PASSWORD"), embeddedDataDir);
    }

    public static PostgresServer startEmbedded(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Started embedded PostgreSQL on port {}", pg.getPort());
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", "embedded PostgreSQL", pg);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String origin() {
        return origin;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    } catch (SQLException e) {
                        // another process may have created it between the check and the create
                        if (!"42P04".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on " + origin + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabaseIfExists(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + database + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private boolean answers() {
        try (Connection c = connect("postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            log.debug("No usable PostgreSQL at {}:{}: {}", host, port, e.getMessage());
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres")) {
                if (c.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            sleep(500);
        }
        throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " did not answer within " + timeout
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return origin + " (" + host + ":" + port + ")";
    }

    record HostPort(String host, int port) {
        static HostPort fromJdbcUrl(String url) {
            Objects.requireNonNull(url);
            String prefix = "jdbc:postgresql://";
            if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                throw new IllegalArgumentException("SITEWORK_POSTGRES_URL must start with " + prefix + ": " + url);
            }
            String rest = url.substring(prefix.length());
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                return new HostPort(hostPort, 5432);
            }
            return new HostPort(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        }
    }
}
