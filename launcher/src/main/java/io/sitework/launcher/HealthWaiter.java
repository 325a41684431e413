package io.sitework.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Waits until services report they are up, failing fast when one of them — or a process they need,
 * like the Kafka broker — dies first.
 */
final class HealthWaiter {

    static final int LOG_TAIL_LINES = 30;

    private final HealthProbe probe;
    private final Duration pollInterval;
    private final BooleanSupplier cancelled;

    HealthWaiter(HealthProbe probe, Duration pollInterval, BooleanSupplier cancelled) {
        this.probe = probe;
        this.pollInterval = pollInterval;
        this.cancelled = cancelled;
    }

    /**
     * Returns when every process of {@code starting} is healthy, calling {@code onReady} for each as it
     * becomes so. Throws a {@link StartupException} when one of {@code starting} or {@code needed} exits,
     * or when {@code timeout} passes first.
     */
    void awaitHealthy(List<ChildProcess> starting, List<ChildProcess> needed, Duration timeout,
                      Consumer<ChildProcess> onReady) {
        List<ChildProcess> pending = new ArrayList<>(starting);
        List<ChildProcess> watched = new ArrayList<>(needed);
        watched.addAll(starting);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                throw StartupException.interrupted(null);
            }
            for (ChildProcess child : watched) {
                if (!child.isAlive()) {
                    String when = pending.contains(child) ? " before it was ready" : " while the platform was starting";
                    throw new StartupException(child.name() + " exited with code " + child.process().exitValue() + when
                            + "; see " + child.logFile(), child.logFile(), child.logTail(LOG_TAIL_LINES));
                }
            }
            for (ChildProcess child : List.copyOf(pending)) {
                if (probe.isUp(child.healthUri())) {
                    pending.remove(child);
                    onReady.accept(child);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                ChildProcess late = pending.get(0);
                throw new StartupException(late.name() + " was not ready within " + timeout.toSeconds() + " s ("
                        + late.healthUri() + "); see " + late.logFile(), late.logFile(), late.logTail(LOG_TAIL_LINES));
            }
            sleep(pollInterval);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StartupException.interrupted(null);
        }
    }
}
