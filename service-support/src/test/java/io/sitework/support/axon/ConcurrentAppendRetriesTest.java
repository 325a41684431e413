package io.sitework.support.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ConcurrentAppendRetriesTest {

    private final ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
    private final AtomicLong reported = new AtomicLong();
    private final ConcurrentAppendRetries retries = new ConcurrentAppendRetries(executor, 3, 20, reported::set);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("start work w-1");
    private final Runnable dispatch = () -> { };

    @Test
    void aCommandThatLostTheRaceForItsAggregateIsSentAgainABoundedNumberOfTimes() {
        ConcurrencyException lost = new ConcurrencyException("event 6 of w-1 exists already", new SQLException("duplicate key", "23505"));

        assertThat(retries.scheduleRetry(command, lost, attempts(1), dispatch)).isTrue();
        assertThat(retries.scheduleRetry(command, lost, attempts(2), dispatch)).isTrue();
        assertThat(retries.scheduleRetry(command, lost, attempts(3), dispatch)).isTrue();
        // a fourth failure: three retries were made, the conflict goes back to the caller (409)
        assertThat(retries.scheduleRetry(command, lost, attempts(4), dispatch)).isFalse();

        verify(executor, times(3)).schedule(eq(dispatch), anyLong(), eq(TimeUnit.MILLISECONDS));
        assertThat(retries.retries()).isEqualTo(3);
        assertThat(reported.get()).isEqualTo(3);
    }

    @Test
    void aConflictWrappedByTheEventStoreIsRecognised() {
        assertThat(ConcurrentAppendRetries.isConcurrentAppend(new RuntimeException(new ConcurrencyException("changed")))).isTrue();
    }

    @Test
    void otherFailuresGoBackToTheCallerAtOnce() {
        List<RuntimeException> others = List.of(
                new ConflictingAggregateVersionException("w-1", 5, 6),       // stale If-Match: 412, retrying cannot help
                new AggregateStreamCreationException("w-1 exists"),          // a repeated creation
                new IllegalStateException("the work is closed"),             // a refused command
                new EventStoreException("connection refused"));
        for (RuntimeException other : others) {
            assertThat(retries.scheduleRetry(command, other, attempts(1), dispatch)).as(other.toString()).isFalse();
        }
        verify(executor, never()).schedule(any(Runnable.class), anyLong(), any());
        assertThat(retries.retries()).isZero();
    }

    @Test
    void thePauseDoublesWithJitter() {
        for (int i = 0; i < 50; i++) {
            assertThat(retries.delayMillis(1)).isBetween(10L, 30L);
            assertThat(retries.delayMillis(3)).isBetween(40L, 120L);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> attempts(int n) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
