package io.sitework.gateway.config;

import io.netty.channel.ConnectTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's own failures as RFC 9457 problems. Type slugs follow the services' problems
 * (service-support's {@code Problems}) so clients see one vocabulary. Details name the backend
 * service, never its address, and never carry an exception message.
 */
public final class GatewayProblems {

    public static final String TYPE_PREFIX = "https://sitework.io/problems/";

    private GatewayProblems() {
    }

    /**
     * @param service the backend the request was routed to, or {@code null} when no route matched
     */
    public static ProblemDetail from(Throwable error, String service) {
        BodyTooLargeException tooLarge = causeOfType(error, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge.limit());
        }
        if (error instanceof ResponseStatusException statusError) {
            return forStatus(statusError.getStatusCode(), service);
        }
        // ConnectTimeoutException is a ConnectException, so timeouts are recognised first.
        if (causedBy(error, ConnectTimeoutException.class, TimeoutException.class)) {
            return forStatus(HttpStatus.GATEWAY_TIMEOUT, service);
        }
        if (causedBy(error, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class)) {
            return forStatus(HttpStatus.SERVICE_UNAVAILABLE, service);
        }
        if (service != null && causedBy(error, IOException.class)) {
            return forStatus(HttpStatus.BAD_GATEWAY, service);
        }
        return forStatus(HttpStatus.INTERNAL_SERVER_ERROR, service);
    }

    public static ProblemDetail forStatus(HttpStatusCode status, String service) {
        String backend = service != null ? service : "The backend service";
        return switch (status.value()) {
            case 401 -> unauthorized(false);
            case 403 -> problem(status, "forbidden", "Forbidden", "You may not do this.");
            case 404 -> problem(status, "not-found", "Not found", "There is no API at this path.");
            case 413 -> problem(status, "too-large", "Request too large", "The request body is too large.");
            case 429 -> tooManyRequests(null);
            case 502 -> problem(status, "bad-gateway", "Bad gateway",
                    backend + " broke off the exchange; try again later.");
            case 503 -> problem(status, "service-unavailable", "Service unavailable",
                    backend + " is unavailable; try again later.");
            case 504 -> problem(status, "gateway-timeout", "Gateway timeout",
                    backend + " did not answer in time.");
            case 500 -> problem(status, "internal", "Internal error",
                    "The request could not be completed. Quote the correlation id when reporting this.");
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                String title = known != null ? known.getReasonPhrase() : "Error";
                yield problem(status, title.toLowerCase().replace(' ', '-'), title, title + ".");
            }
        };
    }

    /** 401; the detail says whether a token was missing or rejected, never why it was rejected. */
    public static ProblemDetail unauthorized(boolean tokenRejected) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", tokenRejected
                ? "The bearer token was rejected (invalid, expired or not meant for Sitework)."
                : "A bearer token is required.");
    }

    /** 429; {@code retryAfterSeconds} (may be null) is also sent as the {@code Retry-After} header. */
    public static ProblemDetail tooManyRequests(Long retryAfterSeconds) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                retryAfterSeconds == null ? "Too many requests; slow down and try again later."
                        : "Too many requests; try again in " + retryAfterSeconds + " s.");
    }

    public static ProblemDetail tooLarge(long limitBytes) {
        return problem(HttpStatusCode.valueOf(413), "too-large", "Request too large",
                "The request body exceeds the limit of " + limitBytes + " bytes.");
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @SafeVarargs
    private static boolean causedBy(Throwable error, Class<? extends Throwable>... types) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
