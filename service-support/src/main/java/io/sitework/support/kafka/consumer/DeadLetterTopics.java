package io.sitework.support.kafka.consumer;

/**
 * Where a consumer's failed records go. Several services consume the same topics, each with its own
 * group, so each has its own dead-letter topics: {@code <topic>.<consumer>.DLT} — a record one
 * service could not process says nothing about the others. (The notification service, the first
 * consumer, keeps the {@code <topic>.DLT} names it published before: {@link #legacy}.)
 *
 * @param consumer the consuming service (its consumer group), e.g. {@code work-service}
 */
public record DeadLetterTopics(String consumer, boolean legacy) {

    public static DeadLetterTopics of(String consumer) {
        return new DeadLetterTopics(consumer, false);
    }

    public String topicFor(String topic) {
        return legacy ? topic + ".DLT" : topic + "." + consumer + ".DLT";
    }
}
