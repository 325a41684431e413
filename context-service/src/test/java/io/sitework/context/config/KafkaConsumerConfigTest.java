package io.sitework.context.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConsumerConfigTest {

    @Test
    void deadLettersGoToATopicOfContextServicesOwn() {
        assertThat(KafkaConsumerConfig.WORK_DEAD_LETTER_TOPIC).isEqualTo("sitework.work.v1.context-service.DLT");
    }
}
