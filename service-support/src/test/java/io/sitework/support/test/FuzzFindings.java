package io.sitework.support.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * What a fuzz run must never see: a 5xx, a 4xx that is not problem+json, a stack trace or class name in an answer,
 * or a refused request that stored something (counted by the request's correlation id in the service's store).
 */
public final class FuzzFindings {

    private static final Pattern STACK_TRACE = Pattern.compile("\\tat [a-z]|java\\.lang\\.|org\\.springframework\\.|io\\.sitework\\.[a-z.]+\\.[A-Z]");

    private final ToLongFunction<String> storedFor;
    private final List<String> findings = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;

    /** @param storedFor how many facts the service stored for the request with this correlation id (asked after each request) */
    public FuzzFindings(ToLongFunction<String> storedFor) {
        this.storedFor = storedFor;
    }

    /** Events in an Axon event store whose metadata carries the correlation id (the services copy it from the request). */
    public static ToLongFunction<String> eventsCorrelatedIn(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return correlationId -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE position(? in convert_from(metadata, 'UTF8')) > 0", Long.class, correlationId);
    }

    /** Fails, naming the seed, when any request broke a rule. */
    public void assertNone(long seed) {
        if (!findings.isEmpty()) {
            throw new AssertionError("seed " + seed + ": " + findings.size() + " findings:\n" + String.join("\n", findings));
        }
    }

    public void check(ApiFuzzer.Exchange exchange) {
        sent++;
        statuses.merge(exchange.status(), 1, Integer::sum);
        if (exchange.status() >= 500) {
            findings.add("5xx: " + exchange);
        }
        if (exchange.status() >= 400 && !exchange.responseContentType().startsWith("application/problem+json")) {
            findings.add("not problem+json (" + exchange.responseContentType() + "): " + exchange);
        }
        if (exchange.responseBody() != null && STACK_TRACE.matcher(exchange.responseBody()).find()) {
            findings.add("internals in the answer: " + exchange);
        }
        // asked after every request (a store counted by difference must see the accepted ones too), judged for refusals
        long stored = storedFor.applyAsLong(exchange.correlationId());
        if (exchange.status() >= 400) {
            if (stored > 0) {
                findings.add("refused but stored " + stored + ": " + exchange);
            }
        }
    }

    public List<String> findings() {
        return findings;
    }

    public int sent() {
        return sent;
    }

    public Map<Integer, Integer> statuses() {
        return statuses;
    }
}
