package io.sitework.support.axon;

import io.sitework.support.web.BadRequestException;
import io.sitework.support.web.RequestContext;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every command carries from the web layer: the correlation id, the actor and, when the
 * caller says so, the business time. Axon's correlation data provider (see
 * {@link AxonSupportAutoConfiguration}) copies them onto every event the command produces, so they reach
 * the event store, the history and the CloudEvent envelope.
 *
 * <p>Business time is when something happened on site, as opposed to when Sitework recorded it (the
 * event's timestamp): a reading taken at 06:10 and entered at 09:00 says {@code X-Occurred-At:
 * 2026-11-25T06:10:00Z}. It may not lie in the future (beyond a minute of clock skew); a malformed or future
 * value refuses the command with 400 before anything is stored.
 */
public final class CommandMetadata {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTOR = "actor";
    public static final String OCCURRED_AT = "occurredAt";
    /** The request header that carries the business time of a command. */
    public static final String OCCURRED_AT_HEADER = "X-Occurred-At";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private CommandMetadata() {
    }

    public static MetaData current() {
        Map<String, Object> values = new HashMap<>();
        RequestContext.correlationId().ifPresent(id -> values.put(CORRELATION_ID, id));
        values.put(ACTOR, RequestContext.actor());
        occurredAtHeader().ifPresent(at -> values.put(OCCURRED_AT, at.toString()));
        return MetaData.from(values);
    }

    /** The business time the current HTTP request names, validated; empty outside a request or without the header. */
    static java.util.Optional<Instant> occurredAtHeader() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes)) {
            return java.util.Optional.empty();
        }
        String value = ((ServletRequestAttributes) attributes).getRequest().getHeader(OCCURRED_AT_HEADER);
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parseOccurredAt(value, Instant.now()));
    }

    static Instant parseOccurredAt(String value, Instant now) {
        Instant at;
        try {
            at = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(OCCURRED_AT_HEADER, OCCURRED_AT_HEADER + " must be an ISO-8601 instant such as 2026-11-25T06:10:00Z");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new BadRequestException(OCCURRED_AT_HEADER, OCCURRED_AT_HEADER + " " + at + " lies in the future");
        }
        return at;
    }

    /** The business time of an event, if its command named one. */
    public static java.util.Optional<Instant> occurredAt(MetaData metaData) {
        Object value = metaData.get(OCCURRED_AT);
        return value == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(value.toString()));
    }

    /** Metadata for commands a service issues by itself (a process reacting to events). */
    public static MetaData system(String component, String correlationId) {
        Map<String, Object> values = new HashMap<>();
        if (correlationId != null) {
            values.put(CORRELATION_ID, correlationId);
        }
        values.put(ACTOR, "system:" + component);
        return MetaData.from(values);
    }

    public static String correlationId(MetaData metaData) {
        Object value = metaData.get(CORRELATION_ID);
        return value == null ? null : value.toString();
    }

    public static String actor(MetaData metaData) {
        Object value = metaData.get(ACTOR);
        return value == null ? null : value.toString();
    }
}
