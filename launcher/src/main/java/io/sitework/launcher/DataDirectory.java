package io.sitework.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The layout of the data directory:
 * <pre>
 *   logs/&lt;process&gt;.log   each process's output, and launcher.log for the launcher's libraries
 *   postgres/            an embedded PostgreSQL's data (only when no server was found)
 *   mongo/sitework.mv    the in-process Mongo endpoint's data
 *   kafka/               the broker's configuration and log segments
 *   run/                 the lock, the processes of the running launcher, the parent-watch agent
 *   dev-login/jwk.json   the dev login's signing key (readable by its owner only)
 *   databases.properties which PostgreSQL databases go with this directory
 * </pre>
 */
record DataDirectory(Path root) {

    DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path logFile(String process) {
        return logs().resolve(process + ".log");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path mongoFile() {
        return root.resolve("mongo").resolve("sitework.mv");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path databasesFile() {
        return root.resolve("databases.properties");
    }

    Path lockFile() {
        return root.resolve("run").resolve("launcher.lock");
    }

    Path processesFile() {
        return root.resolve("run").resolve("processes");
    }

    Path agentJar() {
        return root.resolve("run").resolve("parent-watch-agent.jar");
    }

    /** The private key the gateway's dev login signs tokens with; the gateway creates it on its first start. */
    Path devLoginKey() {
        return root.resolve("dev-login").resolve("jwk.json");
    }

    void createLogs() {
        try {
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + logs() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the Kafka data and, with {@code mongo}, the in-process Mongo data; returns what it wiped. */
    List<String> wipe(boolean mongo) {
        List<String> wiped = new ArrayList<>();
        deleteRecursively(kafka());
        wiped.add("Kafka data");
        if (mongo) {
            deleteRecursively(mongoFile().getParent());
            wiped.add("Mongo data");
        }
        return wiped;
    }

    /** The postmaster of an embedded PostgreSQL running on {@link #postgres()}, if any. */
    Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(postgres().resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
