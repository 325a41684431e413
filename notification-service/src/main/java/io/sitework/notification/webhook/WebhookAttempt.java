package io.sitework.notification.webhook;

import java.time.Instant;

/**
 * One POST of a delivery and what came of it, kept in the delivery log so a subscriber can see why
 * their endpoint refused.
 *
 * @param number     1 for the first attempt of the delivery, counting on through retries and redeliveries
 * @param statusCode the receiver's HTTP status, or null when there was no answer
 * @param error      why the attempt failed (e.g. "HTTP 500", "connection refused"), null when delivered
 * @param response   the first 1 KB of the response body
 */
public record WebhookAttempt(int number, Instant at, Integer statusCode, String error, long durationMs, String response) {
}
