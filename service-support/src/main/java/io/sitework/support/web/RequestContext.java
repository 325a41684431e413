package io.sitework.support.web;

import org.slf4j.MDC;

import java.util.Optional;

/**
 * What Sitework knows about the request being served on this thread: its correlation id and
 * (once authentication lands) the acting user.
 */
public final class RequestContext {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String MDC_CORRELATION_ID = "correlationId";
    /** The actor recorded until requests carry an authenticated user. */
    public static final String ANONYMOUS = "anonymous";

    private RequestContext() {
    }

    public static Optional<String> correlationId() {
        return Optional.ofNullable(MDC.get(MDC_CORRELATION_ID));
    }

    public static String actor() {
        return ANONYMOUS;
    }
}
