package io.sitework.work.context;

import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.events.context.ContractorQualificationGranted;
import io.sitework.events.context.ContractorQualificationLapsed;
import io.sitework.events.context.ContractorRegistered;
import io.sitework.events.context.PermitEvent;
import io.sitework.support.web.RequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * work-service follows {@code sitework.context.v1}, the only way context reaches it (no synchronous
 * calls between services): permit events feed its view of permits ({@link PermitFollower}), contractor
 * events its view of qualifications ({@link ContractorQualifications}). Other context events are
 * not its business. The offset is committed only after the effect is stored (ack mode record); a
 * record that cannot be processed goes to {@code sitework.context.v1.work-service.DLT}.
 */
@Component
public class ContextEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ContextEventsListener.class);

    private final PermitFollower permits;
    private final ContractorQualifications contractors;
    private final TransactionTemplate transactions;

    public ContextEventsListener(PermitFollower permits, ContractorQualifications contractors, TransactionTemplate transactions) {
        this.permits = permits;
        this.contractors = contractors;
        this.transactions = transactions;
    }

    // idIsGroup = false: the group is spring.kafka.consumer.group-id, not the listener id
    @KafkaListener(id = "work-context-events", idIsGroup = false, topics = Topics.CONTEXT)
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
            handle(event);
        } finally {
            MDC.remove(RequestContext.MDC_CORRELATION_ID);
        }
    }

    void handle(CloudEvent event) {
        if (event.data() instanceof PermitEvent permit) {
            permits.on(event, permit);
        } else if (event.data() instanceof ContractorRegistered c) {
            contractors.registered(c.contractorId(), c.siteId());
        } else if (event.data() instanceof ContractorQualificationGranted g) {
            transactions.executeWithoutResult(tx -> {
                contractors.lock(g.contractorId());
                contractors.granted(g.contractorId(), g.siteId(), g.qualification(), g.validUntil(), event.correlationid());
            });
        } else if (event.data() instanceof ContractorQualificationLapsed l) {
            transactions.executeWithoutResult(tx -> {
                contractors.lock(l.contractorId());
                contractors.lapsed(l.contractorId(), l.siteId(), l.qualification(), l.reason(), event.id(), event.correlationid());
            });
        }
    }
}
