package io.sitework.support.axon;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void aPostgresUniqueViolationInsideABatchIsADuplicateKey() {
        // what the PostgreSQL driver throws when Axon appends event 0 of an aggregate id that is taken
        SQLException psql = new SQLException("ERROR: duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 … was aborted", "23505", 0, new int[0], psql);

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(psql)).isTrue();
    }

    @Test
    void aUniqueViolationOnlyInTheNextExceptionIsFound() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void theStandardConstraintExceptionIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLIntegrityConstraintViolationException("dup"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("boom"))).isFalse();
    }
}
