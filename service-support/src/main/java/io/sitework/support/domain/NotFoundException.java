package io.sitework.support.domain;

/** Nothing with that id exists (or the caller may not know it does). Maps to HTTP 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
