package io.sitework.notification.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sitework.notification.stream.*}: the inbox's live stream ({@code GET /api/notifications/stream}).
 *
 * @param heartbeat    how often an idle stream gets a comment line, so proxies keep it open and a vanished
 *                     client is noticed (its connection is then closed and forgotten)
 * @param timeout      how long one stream stays open; the client reconnects with {@code Last-Event-ID}
 * @param maxPerUser   open streams per user on one instance; a new one closes the user's oldest
 * @param pollInterval the pause between two looks for entries stored by any instance
 * @param gapGrace     how long a missing sequence number holds back the entries after it (see
 *                     {@code SequenceWatermark})
 * @param replayLimit  the most entries replayed on a reconnect (the newest of those missed; the inbox
 *                     listing has the rest)
 * @param pollBatch    the most entries read by one poll
 */
@ConfigurationProperties("sitework.notification.stream")
public record StreamProperties(@DefaultValue("PT15S") Duration heartbeat,
                               @DefaultValue("PT30M") Duration timeout,
                               @DefaultValue("5") int maxPerUser,
                               @DefaultValue("PT0.5S") Duration pollInterval,
                               @DefaultValue("PT5S") Duration gapGrace,
                               @DefaultValue("500") int replayLimit,
                               @DefaultValue("500") int pollBatch) {

    public StreamProperties {
        requirePositive("heartbeat", heartbeat);
        requirePositive("timeout", timeout);
        requirePositive("poll-interval", pollInterval);
        if (gapGrace == null || gapGrace.isNegative()) {
            throw new IllegalArgumentException("sitework.notification.stream.gap-grace must not be negative");
        }
        if (maxPerUser < 1 || replayLimit < 1 || pollBatch < 1) {
            throw new IllegalArgumentException("sitework.notification.stream.max-per-user, replay-limit and poll-batch must be at least 1");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("sitework.notification.stream." + name + " must be positive");
        }
    }
}
