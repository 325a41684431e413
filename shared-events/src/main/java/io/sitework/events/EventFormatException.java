package io.sitework.events;

/** Bytes that are not a valid Sitework CloudEvent. Consumers dead-letter such records. */
public class EventFormatException extends RuntimeException {
    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
