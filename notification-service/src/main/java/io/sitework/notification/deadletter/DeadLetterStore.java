package io.sitework.notification.deadletter;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.support.kafka.consumer.DeadLetterRecoverer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The dead letters of this service's consumer. */
@Repository
public class DeadLetterStore {

    private final MongoTemplate mongo;

    public DeadLetterStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the record (once, whatever the number of calls) with why it failed. */
    public void keep(ConsumerRecord<?, ?> record, Exception exception, Instant now) {
        String id = record.topic() + "-" + record.partition() + "@" + record.offset();
        var headers = DeadLetterRecoverer.reasonHeaders(record, exception);
        String reason = new String(headers.lastHeader(DeadLetterRecoverer.REASON_HEADER).value(), StandardCharsets.UTF_8);
        String detail = new String(headers.lastHeader(DeadLetterRecoverer.DETAIL_HEADER).value(), StandardCharsets.UTF_8);
        Update onInsert = new Update()
                .setOnInsert("topic", record.topic())
                .setOnInsert("partition", record.partition())
                .setOnInsert("offset", record.offset())
                .setOnInsert("key", record.key() == null ? null : record.key().toString())
                .setOnInsert("value", valueOf(record, exception))
                .setOnInsert("reason", reason)
                .setOnInsert("detail", detail)
                .setOnInsert("deadLetteredAt", now)
                .setOnInsert("status", "OPEN")
                .setOnInsert("retries", List.of());
        mongo.upsert(query(where("_id").is(id)), onInsert, DeadLetter.class);
    }

    public List<DeadLetter> list(String status, int page, int size) {
        Query q = status == null ? new Query() : query(where("status").is(status));
        return mongo.find(q.with(Sort.by(Sort.Order.desc("deadLetteredAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size),
                DeadLetter.class);
    }

    public long count(String status) {
        return mongo.count(status == null ? new Query() : query(where("status").is(status)), DeadLetter.class);
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class));
    }

    public void recordRetry(String id, DeadLetter.Retry retry) {
        Update update = new Update().push("retries", retry);
        if (retry.succeeded()) {
            update.set("status", "RESOLVED").set("resolvedAt", retry.at());
        }
        mongo.updateFirst(query(where("_id").is(id)), update, DeadLetter.class);
    }

    private static String valueOf(ConsumerRecord<?, ?> record, Exception exception) {
        Object value = record.value();
        if (value instanceof CloudEvent) {
            return CloudEventCodec.toJsonString((CloudEvent) value);
        }
        if (value instanceof byte[]) {
            return new String((byte[]) value, StandardCharsets.UTF_8);
        }
        Throwable t = exception;
        while (t != null) {
            if (t instanceof DeserializationException) {
                byte[] data = ((DeserializationException) t).getData();
                return data == null ? null : new String(data, StandardCharsets.UTF_8);
            }
            t = t.getCause();
        }
        return value == null ? null : value.toString();
    }
}
