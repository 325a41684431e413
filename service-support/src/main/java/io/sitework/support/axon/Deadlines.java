package io.sitework.support.axon;

import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling persistent deadlines from a command handler. db-scheduler lists a deadline's executions
 * and then removes each; when the deadline fires in between (it was due at that very moment), the
 * removal finds nothing and db-scheduler throws "Expected one execution to be removed, but removed 0".
 * That race is harmless — the execution is gone either way, and every deadline handler checks the
 * aggregate's state before acting — so it must not fail the command (it used to answer 500).
 */
public final class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    private static final String DB_SCHEDULER_EXECUTION_EXCEPTION = "com.github.kagkarlsson.scheduler.exceptions.ExecutionException";

    private Deadlines() {
    }

    /** {@link DeadlineManager#cancelAllWithinScope(String)}, tolerating a deadline that fired meanwhile. */
    public static void cancelAllWithinScope(DeadlineManager deadlines, String deadlineName) {
        try {
            deadlines.cancelAllWithinScope(deadlineName);
        } catch (RuntimeException e) {
            if (!firedMeanwhile(e)) {
                throw e;
            }
            log.debug("Deadline {} fired while it was being cancelled; nothing left to cancel ({})", deadlineName, e.getMessage());
        }
    }

    static boolean firedMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isRemovalRace(t.getClass(), t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static boolean isRemovalRace(Class<?> type, String message) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(DB_SCHEDULER_EXECUTION_EXCEPTION)) {
                return message != null && message.contains("removed 0");
            }
        }
        return false;
    }
}
