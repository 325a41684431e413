package io.sitework.launcher;

import io.sitework.infra.ProcessStopper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A process of the platform, its log file and, for a service, where it reports its health. */
final class ChildProcess {

    /** Variables a user may have set that would override what the launcher configures. */
    private static final List<String> OVERRIDING_VARIABLES = List.of(
            "SERVER_PORT", "MANAGEMENT_SERVER_PORT", "SPRING_APPLICATION_JSON", "SPRING_PROFILES_ACTIVE");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final URI healthUri;

    private ChildProcess(String name, Process process, Path logFile, URI healthUri) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.healthUri = healthUri;
    }

    /** Starts {@code command} with stdout and stderr appended to {@code logFile}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
                              URI healthUri) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                            + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            OVERRIDING_VARIABLES.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile, healthUri);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** A process started by someone else (the Kafka broker), watched like the others. */
    static ChildProcess adopt(String name, Process process, Path logFile) {
        return of(name, process, logFile, null);
    }

    static ChildProcess of(String name, Process process, Path logFile, URI healthUri) {
        return new ChildProcess(name, process, logFile, healthUri);
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    URI healthUri() {
        return healthUri;
    }

    List<String> logTail(int lines) {
        return LogTail.of(logFile, lines);
    }

    /** SIGTERM, and SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        ProcessStopper.stop(process, grace);
    }
}
