package io.sitework.notification.deadletter;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A record this service could not process, kept where an admin can see and retry it (it also went to
 * the dead-letter topic, for whoever reads Kafka).
 *
 * @param id      topic-partition@offset: dead-lettering the same record again changes nothing
 * @param value   the record's value as it came (UTF-8 text; the CloudEvent JSON when it was one)
 * @param status  OPEN, or RESOLVED once a retry processed it
 * @param retries each retry by an admin: when, by whom, and the failure if it failed again
 */
@Document(DeadLetter.COLLECTION)
public record DeadLetter(@Id String id, String topic, int partition, long offset, String key, String value, String reason, String detail,
                         Instant deadLetteredAt, String status, List<Retry> retries, Instant resolvedAt) {

    public static final String COLLECTION = "dead_letters";

    public DeadLetter {
        retries = retries == null ? List.of() : List.copyOf(retries);
    }

    public record Retry(Instant at, String by, boolean succeeded, String failure) {
    }
}
