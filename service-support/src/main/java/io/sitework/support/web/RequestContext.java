package io.sitework.support.web;

import io.sitework.support.security.CurrentUser;
import io.sitework.support.security.SiteworkUser;
import org.slf4j.MDC;

import java.util.Optional;

/**
 * What Sitework knows about the request being served on this thread: its correlation id and the
 * acting user.
 */
public final class RequestContext {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String MDC_CORRELATION_ID = "correlationId";
    /** The actor of a request without an authenticated user (only open endpoints have such requests). */
    public static final String ANONYMOUS = "anonymous";

    private RequestContext() {
    }

    public static Optional<String> correlationId() {
        return Optional.ofNullable(MDC.get(MDC_CORRELATION_ID));
    }

    /** The authenticated user's id: the {@code sub} of the bearer token. */
    public static String actor() {
        return CurrentUser.find().map(SiteworkUser::subject).orElse(ANONYMOUS);
    }
}
