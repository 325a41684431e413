package io.sitework.context.config;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.util.backoff.BackOffExecution;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConsumerConfigTest {

    @Test
    void anUnreachableDatabaseOrAConcurrentChangeIsWaitedOutAnythingElseIsNot() {
        assertThat(KafkaConsumerConfig.isTransient(new IllegalStateException("wrapped",
                new CannotGetJdbcConnectionException("connection refused")))).isTrue();
        assertThat(KafkaConsumerConfig.isTransient(new ConcurrencyException("permit p-1 changed meanwhile"))).isTrue();
        assertThat(KafkaConsumerConfig.isTransient(new DataIntegrityViolationException("bad row"))).isFalse();
        assertThat(KafkaConsumerConfig.isTransient(new IllegalArgumentException("no such status"))).isFalse();
    }

    @Test
    void transientFailuresBackOffExponentiallyUpToHalfAMinuteAndNeverGiveUp() {
        BackOffExecution execution = KafkaConsumerConfig.transientBackOff().start();
        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            intervals.add(execution.nextBackOff());
        }
        assertThat(intervals.subList(0, 4)).containsExactly(1_000L, 2_000L, 4_000L, 8_000L);
        assertThat(intervals.subList(10, 1_000)).containsOnly(30_000L);
    }

    @Test
    void deadLettersGoToATopicOfContextServicesOwn() {
        assertThat(KafkaConsumerConfig.WORK_DEAD_LETTER_TOPIC).isEqualTo("sitework.work.v1.context-service.DLT");
    }
}
