package io.sitework.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar sitework.jar} run as a real process by a test, as a person would run it. */
final class LauncherProcess {

    private final Process process;
    private final Path output;
    private final Path dataDir;

    private LauncherProcess(Process process, Path output, Path dataDir) {
        this.process = process;
        this.output = output;
        this.dataDir = dataDir;
    }

    static LauncherProcess start(Installation installation, Path dataDir, Map<String, String> environment, String... args)
            throws IOException {
        Path launcherJar = FakeInstallation.build().home().resolve("sitework.jar");
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException(launcherJar + " is missing: integration tests run after the package phase");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-D" + Installation.HOME_PROPERTY + "=" + installation.home(),
                "-jar", launcherJar.toString(), "--data-dir=" + dataDir));
        command.addAll(List.of(args));
        Files.createDirectories(dataDir);
        Path output = Files.createTempFile(dataDir.getParent(), "launcher", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start(), output, dataDir);
    }

    Process process() {
        return process;
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the banner; fails with the output when the launcher exits or takes too long. */
    void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains("Press Ctrl-C to stop.")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("The launcher exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The launcher was not running after " + timeout + ":\n" + output());
    }

    /** Waits for the launcher to exit; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The launcher did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** The child processes the launcher recorded, by name. */
    Map<String, Long> recordedPids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path file = dataDir.resolve("run").resolve("processes");
        if (Files.exists(file)) {
            ProcessRegistry.parseAll(Files.readAllLines(file)).forEach(e -> pids.put(e.name(), e.pid()));
        }
        return pids;
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Processes whose command line mentions {@code marker} (a test's temporary directory). */
    static List<ProcessHandle> processesMentioning(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.isAlive())
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }

    void kill() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
