package io.sitework.support.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Axon's JDBC storage engine with a bound on how long a transaction that stores events may stay open afterwards.
 *
 * <p>Why: the global index of an event is taken when its row is inserted but seen only when its transaction commits,
 * so a tracking processor meets "gaps" — rows inserted earlier by a transaction still open — and waits for them.
 * Axon gives up on a gap once the event after it is older than the gap timeout (a rolled-back transaction leaves a
 * gap forever). A transaction that commits its events <em>after</em> that would have its events skipped by every
 * processor: the board, the Kafka publisher, the rules — an acknowledged fact lost to all of them.
 *
 * <p>So from the moment this engine inserts events, the rest of that transaction runs under PostgreSQL's own clock
 * ({@code SET LOCAL}): each statement may take at most {@code appendTimeout} ({@code statement_timeout}, which
 * also covers an insert waiting for another transaction's lock), and the application may leave the transaction idle
 * for at most {@code appendTimeout} ({@code idle_in_transaction_session_timeout}: a JVM pause, a stuck thread, a
 * lost connection). A transaction that overruns either is ended by the database — its events are not stored, its
 * command fails and is not acknowledged, the client sends it again. {@link #MAX_STATEMENTS_AFTER_APPEND} statements
 * and pauses of at most {@code appendTimeout} each must fit well within the gap timeout: the constructor refuses a
 * configuration where they do not.
 */
public class BoundedAppendEventStorageEngine extends JdbcEventStorageEngine {

    /**
     * Statements a command's transaction runs after storing its events, and pauses between them, that the gap timeout
     * must cover: the insert itself, what else the unit of work writes in its commit phase (deadlines, idempotency
     * records), the commit; with room to spare.
     */
    static final int MAX_STATEMENTS_AFTER_APPEND = 4;

    private final long timeoutMillis;

    public BoundedAppendEventStorageEngine(Builder builder, Duration appendTimeout, Duration gapTimeout) {
        super(builder.gapTimeout(Math.toIntExact(gapTimeout.toMillis())));
        check(appendTimeout, gapTimeout);
        this.timeoutMillis = appendTimeout.toMillis();
    }

    /** Refuses timeouts with which a transaction could commit its events after their gap was given up. */
    static void check(Duration appendTimeout, Duration gapTimeout) {
        if (appendTimeout.isNegative() || appendTimeout.isZero()) {
            throw new IllegalArgumentException("sitework.event-store.append-timeout must be positive, not " + appendTimeout);
        }
        Duration worst = appendTimeout.multipliedBy(2L * MAX_STATEMENTS_AFTER_APPEND);
        if (gapTimeout.compareTo(worst) <= 0) {
            throw new IllegalArgumentException("sitework.event-store.gap-timeout (" + gapTimeout + ") must be longer than "
                    + (2 * MAX_STATEMENTS_AFTER_APPEND) + " x sitework.event-store.append-timeout (" + appendTimeout + " -> "
                    + worst + "): else a transaction could commit events after processors gave up waiting for them");
        }
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        try (Statement limits = connection.createStatement()) {
            // SET LOCAL (is_local = true): for the rest of this transaction only, in one round trip; the pooled
            // connection is unaffected afterwards
            limits.execute("SELECT set_config('statement_timeout', '" + timeoutMillis + "', true), "
                    + "set_config('idle_in_transaction_session_timeout', '" + timeoutMillis + "', true)");
        }
        return super.appendEvents(connection, events, serializer);
    }
}
