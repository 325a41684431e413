package io.sitework.support.kafka.consumer;

/**
 * Where a consumer's failed records go. Several services consume the same topics, each with its own
 * group, so each has its own dead-letter topics: {@code <topic>.<consumer>.DLT} — a record one
 * service could not process says nothing about the others.
 *
 * @param consumer the consuming service (its consumer group), e.g. {@code work-service}
 */
public record DeadLetterTopics(String consumer) {

    public static DeadLetterTopics of(String consumer) {
        return new DeadLetterTopics(consumer);
    }

    public String topicFor(String topic) {
        return topic + "." + consumer + ".DLT";
    }
}
