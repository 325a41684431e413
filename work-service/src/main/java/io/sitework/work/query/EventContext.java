package io.sitework.work.query;

import java.time.Instant;

/** What the fold needs to know about a stored event besides its payload. */
public record EventContext(long sequence, Instant recordedAt, String actor, String correlationId) {
}
