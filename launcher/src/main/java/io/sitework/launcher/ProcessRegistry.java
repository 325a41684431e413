package io.sitework.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a launcher started, written to {@code <data-dir>/run/processes} so that a later launcher
 * can stop what a killed one (SIGKILL, power loss of the terminal) left running: the Kafka broker and an
 * embedded PostgreSQL, which would otherwise hold the data directory's locks. A process is only stopped
 * when both its pid and its start time match the record, so a reused pid is never touched.
 */
final class ProcessRegistry {

    record Entry(String name, long pid, long startMillis) {

        String format() {
            return name + " " + pid + " " + startMillis;
        }

        static Optional<Entry> parse(String line) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static Optional<Entry> of(String name, ProcessHandle process) {
            return process.info().startInstant().map(start -> new Entry(name, process.pid(), start.toEpochMilli()));
        }

        boolean matches(ProcessHandle process) {
            return process.pid() == pid && process.isAlive()
                    && process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startMillis;
        }
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    ProcessRegistry(Path file) {
        this.file = file;
    }

    static List<Entry> parseAll(List<String> lines) {
        return lines.stream().map(Entry::parse).flatMap(Optional::stream).toList();
    }

    /** Stops the recorded processes of a previous run that are still alive; returns their names. */
    List<String> stopLeftovers(Duration grace) {
        List<String> stopped = new ArrayList<>();
        for (Entry entry : read()) {
            ProcessHandle.of(entry.pid()).filter(entry::matches).ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
                stopped.add(entry.name() + " (pid " + entry.pid() + ")");
            });
        }
        clear();
        return stopped;
    }

    synchronized void record(String name, ProcessHandle process) {
        Entry.of(name, process).ifPresent(entry -> {
            entries.add(entry);
            write();
        });
    }

    synchronized void clear() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing left to protect: the next launcher checks the start times anyway
        }
    }

    private List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return parseAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, entries.stream().map(Entry::format).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
