package io.sitework.context.config;

import io.sitework.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic this service publishes to; created at start when missing. */
@Configuration
public class KafkaTopicsConfig {

    @Bean
    NewTopic contextTopic(@Value("${sitework.kafka.partitions:3}") int partitions,
                          @Value("${sitework.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.CONTEXT).partitions(partitions).replicas(replicas).build();
    }
}
