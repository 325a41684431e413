package io.sitework.notification.process;

import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.support.web.RequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The Kafka entry point. The consumer group, deserialization and ack mode come from application.yml
 * ({@code spring.kafka.*}); failures go to the error handler of {@code KafkaConsumerConfig}. The method
 * returns only once the effect is stored, and the container commits the offset after that.
 */
@Component
public class IntegrationEventListener {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventListener.class);

    private final NotificationDispatcher dispatcher;

    public IntegrationEventListener(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id, not the listener id
    @KafkaListener(id = "notification-events", idIsGroup = false, topics = {Topics.WORK, Topics.CONTEXT})
    public void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            log.warn("Skipping a record without a value on {}-{}@{} (key {})", record.topic(), record.partition(), record.offset(), record.key());
            return;
        }
        if (event.correlationid() != null) {
            MDC.put(RequestContext.MDC_CORRELATION_ID, event.correlationid());
        }
        try {
            dispatcher.dispatch(event);
        } finally {
            MDC.remove(RequestContext.MDC_CORRELATION_ID);
        }
    }
}
