package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthWaiterTest {

    /** A process that is alive until told otherwise. */
    static final class FakeProcess extends Process {
        volatile Integer exitCode;

        @Override public OutputStream getOutputStream() { return OutputStream.nullOutputStream(); }
        @Override public InputStream getInputStream() { return InputStream.nullInputStream(); }
        @Override public InputStream getErrorStream() { return InputStream.nullInputStream(); }
        @Override public int waitFor() { throw new UnsupportedOperationException(); }
        @Override public void destroy() { exitCode = 143; }
        @Override public boolean isAlive() { return exitCode == null; }

        @Override
        public int exitValue() {
            if (exitCode == null) {
                throw new IllegalThreadStateException();
            }
            return exitCode;
        }
    }

    /** Each service answers UP after a number of probes. */
    static final class ScriptedProbe implements HealthProbe {
        final Map<URI, Integer> probesUntilUp = new HashMap<>();
        final Map<URI, Integer> probes = new HashMap<>();
        Runnable onProbe = () -> { };

        @Override
        public boolean isUp(URI uri) {
            onProbe.run();
            int count = probes.merge(uri, 1, Integer::sum);
            return count >= probesUntilUp.getOrDefault(uri, Integer.MAX_VALUE);
        }
    }

    private final ScriptedProbe probe = new ScriptedProbe();
    private final HealthWaiter waiter = new HealthWaiter(probe, Duration.ofMillis(1), () -> false);

    private static ChildProcess child(String name, FakeProcess process) {
        return ChildProcess.of(name, process, Path.of("/nonexistent/" + name + ".log"),
                URI.create("http://127.0.0.1/" + name + "/actuator/health"));
    }

    @Test
    void returnsOnceEveryServiceIsUpReportingEachAsItBecomesReady() {
        ChildProcess work = child("work-service", new FakeProcess());
        ChildProcess context = child("context-service", new FakeProcess());
        probe.probesUntilUp.put(work.healthUri(), 3);
        probe.probesUntilUp.put(context.healthUri(), 1);
        List<String> ready = new ArrayList<>();

        waiter.awaitHealthy(List.of(work, context), List.of(), Duration.ofSeconds(5), c -> ready.add(c.name()));

        assertThat(ready).containsExactly("context-service", "work-service");
        // a ready service is not asked again
        assertThat(probe.probes.get(context.healthUri())).isEqualTo(1);
    }

    @Test
    void aServiceThatDiesBeforeItIsReadyFailsTheStartAtOnce() {
        FakeProcess dying = new FakeProcess();
        ChildProcess work = child("work-service", dying);
        probe.onProbe = () -> dying.exitCode = 1;

        assertThatThrownBy(() -> waiter.awaitHealthy(List.of(work), List.of(), Duration.ofMinutes(2), c -> { }))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("work-service exited with code 1 before it was ready")
                .hasMessageContaining("/nonexistent/work-service.log");
    }

    @Test
    void aNeededProcessThatDiesFailsTheStartToo() {
        FakeProcess kafka = new FakeProcess();
        ChildProcess work = child("work-service", new FakeProcess());
        probe.onProbe = () -> kafka.exitCode = 137;

        assertThatThrownBy(() -> waiter.awaitHealthy(List.of(work), List.of(ChildProcess.adopt("kafka", kafka, Path.of("/k.log"))),
                Duration.ofMinutes(2), c -> { }))
                .hasMessageStartingWith("kafka exited with code 137 while the platform was starting");
    }

    @Test
    void aServiceThatNeverAnswersFailsAfterTheTimeout() {
        ChildProcess gateway = child("gateway", new FakeProcess());

        assertThatThrownBy(() -> waiter.awaitHealthy(List.of(gateway), List.of(), Duration.ofMillis(50), c -> { }))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("gateway was not ready within 0 s (http://127.0.0.1/gateway/actuator/health)");
    }

    @Test
    void stopsWaitingWhenThePlatformIsClosing() {
        HealthWaiter cancelled = new HealthWaiter(probe, Duration.ofMillis(1), () -> true);

        assertThatThrownBy(() -> cancelled.awaitHealthy(List.of(child("gateway", new FakeProcess())), List.of(),
                Duration.ofMinutes(2), c -> { }))
                .hasMessage("Startup was interrupted")
                .isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.isInterruption()).isTrue());
    }
}
