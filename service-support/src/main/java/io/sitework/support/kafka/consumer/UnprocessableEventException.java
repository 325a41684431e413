package io.sitework.support.kafka.consumer;

/**
 * An event this service cannot act on because it breaks the published contract (e.g. a required field
 * is missing). Retrying cannot help: the record goes straight to the dead-letter topic.
 */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }
}
