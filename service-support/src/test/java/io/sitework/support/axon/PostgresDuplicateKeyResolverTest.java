package io.sitework.support.axon;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void recognisesAUniqueViolationBehindABatchAndWrappers() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", batch))).isTrue();

        BatchUpdateException aborted = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        aborted.setNextException(new SQLException("duplicate key value", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException(aborted))).isTrue();
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("connection refused", "08001")))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no SQL at all"))).isFalse();
    }
}
