package io.sitework.support.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Retries a command that lost a race for its aggregate with another instance of the service. Without
 * Axon Server each instance handles commands itself: two instances that load the same aggregate at
 * version n both append event n+1, and the event store's unique key (aggregate id, sequence number)
 * refuses the second — a {@link ConcurrencyException} (see {@link UniqueViolationResolver}). Sent
 * again, the command reloads the aggregate and decides anew: without If-Match it applies to the new
 * state (or is refused by its rules, 409); with an If-Match that is now stale it ends in Axon's
 * {@code ConflictingAggregateVersionException}, 412. Only this failure is retried, a bounded number of
 * times with exponential back-off and jitter (so that two instances which collided do not collide again in
 * step); any other failure (a refused command, a duplicate creation) goes
 * back to the caller at once.
 */
public class ConcurrentAppendRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentAppendRetries.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long backOffMillis;
    private final LongConsumer retried;
    private final AtomicLong count = new AtomicLong();

    /**
     * @param maxRetries how often one command is sent again at most
     * @param backOffMillis the first pause; each further retry doubles it
     * @param retried told of each retry scheduled (a metric)
     */
    public ConcurrentAppendRetries(ScheduledExecutorService executor, int maxRetries, long backOffMillis, LongConsumer retried) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.backOffMillis = backOffMillis;
        this.retried = retried;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConcurrentAppend(lastFailure)) {
            return false;
        }
        // failures holds one entry per attempt made so far
        int attempt = failures.size();
        boolean scheduled = attempt <= maxRetries && schedule(dispatchTask, delayMillis(attempt));
        if (scheduled) {
            long total = count.incrementAndGet();
            retried.accept(total);
            log.debug("{} lost a race for its aggregate (attempt {}); sending it again", commandMessage.getCommandName(), failures.size());
        } else {
            log.info("{} still conflicts with concurrent changes after {} attempts; giving up", commandMessage.getCommandName(), failures.size());
        }
        return scheduled;
    }

    /** The pause before retry {@code attempt} (1, 2, …): the back-off doubled each time, times 0.5 to 1.5. */
    long delayMillis(int attempt) {
        long base = backOffMillis << Math.min(attempt - 1, 16);
        return Math.max(1, (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private boolean schedule(Runnable dispatchTask, long delayMillis) {
        try {
            executor.schedule(dispatchTask, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    /** Stops retrying (the service is stopping): a command due for a retry then fails with its conflict. */
    public void shutdown() {
        executor.shutdownNow();
    }

    /** Retries scheduled since start. */
    public long retries() {
        return count.get();
    }

    /** Whether a failure is an append that collided with another writer of the same aggregate. */
    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
