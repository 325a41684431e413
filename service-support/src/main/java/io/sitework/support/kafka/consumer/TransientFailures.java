package io.sitework.support.kafka.consumer;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Decides whether a failure is worth waiting out: an unreachable or overloaded store, or an aggregate
 * changed concurrently, will accept the same record later, so such a record is retried until it
 * passes instead of being dead-lettered.
 */
public final class TransientFailures {

    /**
     * Failures of libraries a consuming service may not have (MongoDB's driver, Axon): recognised by
     * the names of their classes, so that this check never loads a class that is not there.
     */
    private static final Set<String> OPTIONAL_TRANSIENT_TYPES = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            // e.g. a ConcurrencyException: an aggregate changed meanwhile, the next attempt sees the change
            "org.axonframework.common.AxonTransientException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || isA(t.getClass(), OPTIONAL_TRANSIENT_TYPES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
