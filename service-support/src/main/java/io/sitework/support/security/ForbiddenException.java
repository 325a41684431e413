package io.sitework.support.security;

/** The caller is known but may not do this here. Maps to HTTP 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
