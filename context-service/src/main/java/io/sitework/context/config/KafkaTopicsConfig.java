package io.sitework.context.config;

import io.sitework.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service publishes to and reads from, and its dead-letter topic; created at start
 * when missing (an existing topic keeps its layout).
 */
@Configuration
public class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics contextTopics(@Value("${sitework.kafka.partitions:3}") int partitions,
                                       @Value("${sitework.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.CONTEXT).partitions(partitions).replicas(replicas).build(),
                TopicBuilder.name(Topics.WORK).partitions(partitions).replicas(replicas).build(),
                TopicBuilder.name(KafkaConsumerConfig.WORK_DEAD_LETTER_TOPIC).partitions(partitions).replicas(replicas).build());
    }
}
