package io.sitework.support.web;

import java.util.List;

/** Input that passed JSON parsing but makes no sense; maps to 400 naming the offending fields. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    public BadRequestException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
