package io.sitework.support.kafka.consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientException;

/**
 * Decides whether a failure is worth waiting out: an unreachable or overloaded store, or an aggregate
 * changed concurrently, will accept the same record later, so such a record is retried until it passes instead of being dead-lettered.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    // e.g. a ConcurrencyException: an aggregate changed meanwhile, the next attempt sees the change
                    || t instanceof AxonTransientException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
