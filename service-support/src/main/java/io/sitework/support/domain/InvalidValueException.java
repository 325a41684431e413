package io.sitework.support.domain;

/**
 * A value the domain cannot accept in this context (e.g. "abc" as a reading of a numeric checklist
 * item): bad input that only the aggregate can recognise. Maps to HTTP 400 naming the field.
 */
public class InvalidValueException extends RuntimeException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
