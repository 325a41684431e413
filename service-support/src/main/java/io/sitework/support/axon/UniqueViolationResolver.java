package io.sitework.support.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Recognises a unique-key violation on PostgreSQL, so that Axon's JDBC event store reports the
 * creation of an aggregate whose id is taken as {@code AggregateStreamCreationException} (and a
 * concurrent append as {@code ConcurrencyException}) instead of a generic {@code EventStoreException}.
 * Axon's default {@code JdbcSQLErrorCodesResolver} only knows {@link SQLIntegrityConstraintViolationException},
 * which the PostgreSQL driver never throws: it reports SQLState 23505, possibly inside a
 * {@link java.sql.BatchUpdateException}. Idempotent creation (an Idempotency-Key, a work id derived
 * from an event or a schedule occurrence) depends on this.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    /** PostgreSQL (and SQL standard) SQLState of unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException() == s ? null : s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
