package io.sitework.infra;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops a child process and its descendants: politely first, by force when it does not listen. */
public final class ProcessStopper {

    private ProcessStopper() {
    }

    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
