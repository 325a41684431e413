package io.sitework.gateway.config;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/** A request body over the configured limit; answered 413 by {@link ProblemExceptionHandler}. */
public class BodyTooLargeException extends ResponseStatusException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super(HttpStatusCode.valueOf(413), "request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
