package io.sitework.support.kafka.consumer;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void anUnreachableStoreIsTransient() {
        assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(TransientFailures.isTransient(
                new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 27017), new IOException("refused")))).isTrue();
    }

    @Test
    void noTransactionOrAConcurrentChangeOfAnAggregateIsTransient() {
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("pool exhausted"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new org.axonframework.modelling.command.ConcurrencyException("permit p-1 changed meanwhile")))).isTrue();
    }

    @Test
    void aTransientCauseInsideTheListenerWrapperIsStillTransient() {
        Exception wrapped = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("dispatch failed", new DataAccessResourceFailureException("down")));

        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
    }

    @Test
    void bugsAndBadDataAreNotTransient() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new UnprocessableEventException("no workId"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("bad document"))).isFalse();
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("failed", new NullPointerException()))).isFalse();
    }
}
