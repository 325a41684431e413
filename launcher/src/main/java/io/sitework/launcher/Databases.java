package io.sitework.launcher;

import io.sitework.infra.PostgresServer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL databases of one data directory.
 *
 * <p>The event stores live in PostgreSQL — often a server outside the data directory — while the read
 * models (Mongo) and the Kafka topics that belong with them live inside it. Pairing a data directory with
 * another one's event store would give read models that miss what the event store holds (and a demo seed
 * refused because its assets "already exist"). So each data directory claims the databases it creates
 * (a {@code COMMENT ON DATABASE} naming the data directory), and when the usual names are taken by someone
 * else — an earlier {@code .sitework} that was deleted, a service run from an IDE — it uses the same names
 * with a suffix of its own instead. It never drops a database it did not create, not even with
 * {@code --fresh}.
 */
final class Databases {

    enum State { MISSING, OURS, FOREIGN }

    /** Database names; the Mongo read models use the same names as the event stores they go with. */
    record Names(String work, String context, String notification) {

        List<String> eventStores() {
            return List.of(work, context);
        }

        Names withSuffix(String suffix) {
            return new Names(work + suffix, context + suffix, notification + suffix);
        }
    }

    /** The names chosen, and why they differ from the usual ones when they do. */
    record Resolution(Names names, String note) {
    }

    private static final String COMMENT_PREFIX = "Sitework data directory ";

    private final PostgresServer server;
    private final Path stateFile;

    Databases(PostgresServer server, Path stateFile) {
        this.server = server;
        this.stateFile = stateFile;
    }

    /**
     * The suffix for a data directory whose usual databases are in {@code states}: none when each is
     * missing or already ours, else one derived from the data directory's id.
     */
    static String suffixFor(Map<String, State> states, String owner) {
        boolean usable = states.values().stream().allMatch(s -> s != State.FOREIGN);
        return usable ? "" : "_" + owner.replace("-", "").substring(0, 8);
    }

    static String comment(String owner) {
        return COMMENT_PREFIX + owner;
    }

    /** Chooses, creates and claims the databases; with {@code fresh}, drops ours first. */
    Resolution prepare(Names usual, boolean fresh) {
        Properties state = load();
        String owner = state.getProperty("owner");
        if (owner == null) {
            owner = UUID.randomUUID().toString();
        }
        String suffix = state.getProperty("suffix");
        if (suffix == null || states(usual.withSuffix(suffix), owner).containsValue(State.FOREIGN)) {
            suffix = suffixFor(states(usual, owner), owner);
        }
        Names names = usual.withSuffix(suffix);
        Map<String, State> states = states(names, owner);
        if (states.containsValue(State.FOREIGN)) {
            throw new IllegalStateException("The databases " + String.join(", ", names.eventStores()) + " on " + server.origin()
                    + " belong to another Sitework data directory; use another --data-dir");
        }
        state.setProperty("owner", owner);
        state.setProperty("suffix", suffix);
        save(state);
        for (String database : names.eventStores()) {
            if (fresh && states.get(database) == State.OURS) {
                server.dropDatabaseIfExists(database);
            }
            if (fresh || states.get(database) == State.MISSING) {
                server.createDatabaseIfMissing(database);
                claim(database, owner);
            }
        }
        String note = suffix.isEmpty() ? "" : " (" + String.join(" and ", usual.eventStores())
                + " hold another data directory's events)";
        return new Resolution(names, note);
    }

    private Map<String, State> states(Names names, String owner) {
        Map<String, State> states = new LinkedHashMap<>();
        try (Connection c = server.connect("postgres");
             PreparedStatement query = c.prepareStatement(
                     "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            for (String database : names.eventStores()) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        states.put(database, State.MISSING);
                    } else {
                        states.put(database, comment(owner).equals(rs.getString(1)) ? State.OURS : State.FOREIGN);
                    }
                }
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look at the databases on " + server.origin() + ": " + e.getMessage(), e);
        }
    }

    private void claim(String database, String owner) {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            // names are checked by createDatabaseIfMissing; the owner is a UUID
            s.execute("COMMENT ON DATABASE " + database + " IS '" + comment(UUID.fromString(owner).toString()) + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark database " + database + " as this data directory's: " + e.getMessage(), e);
        }
    }

    private Properties load() {
        Properties properties = new Properties();
        if (Files.isRegularFile(stateFile)) {
            try (Reader in = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + stateFile + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    private void save(Properties properties) {
        try (Writer out = Files.newBufferedWriter(stateFile, StandardCharsets.UTF_8)) {
            properties.store(out, "The PostgreSQL databases of this data directory (written by the launcher)");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + stateFile + ": " + e.getMessage(), e);
        }
    }
}
