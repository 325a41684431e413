package io.sitework.context.permit.process;

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
 * Reads work-service's events ({@code sitework.work.v1}) for the work status view. The consumer group,
 * deserialization and ack mode come from application.yml; a record's offset is committed once it is
 * handled, and failures go to the error handler of {@code KafkaConsumerConfig} (retries, then the
 * dead-letter topic).
 */
@Component
public class WorkStatusListener {

    private static final Logger log = LoggerFactory.getLogger(WorkStatusListener.class);

    private final WorkStatusUpdater updater;

    public WorkStatusListener(WorkStatusUpdater updater) {
        this.updater = updater;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id, not the listener id
    @KafkaListener(id = "work-status", idIsGroup = false, topics = Topics.WORK)
    public void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            log.warn("Skipping a record without a value on {}-{}@{} (key {})", record.topic(), record.partition(), record.offset(), record.key());
            return;
        }
        WorkStatusTransitions.statusAfter(event.type()).ifPresent(status -> {
            if (event.correlationid() != null) {
                MDC.put(RequestContext.MDC_CORRELATION_ID, event.correlationid());
            }
            try {
                updater.update(event.subject(), event.siteid(), status, event.sequence(), event.correlationid());
            } finally {
                MDC.remove(RequestContext.MDC_CORRELATION_ID);
            }
        });
    }
}
