package io.sitework.support.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in an exception's causes,
 * including the next exception of a batch. Axon's default resolver looks at vendor error codes,
 * which PostgreSQL does not set; without this, two commands racing on one aggregate (or a repeated
 * creation) would surface as a generic store failure instead of a concurrency conflict.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
            if (!(e instanceof BatchUpdateException) && e.getNextException() == e) {
                break;
            }
        }
        return false;
    }
}
