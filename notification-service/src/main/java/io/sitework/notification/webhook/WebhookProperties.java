package io.sitework.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code sitework.notification.webhooks.*}: how deliveries to downstream systems are attempted, retried and
 * given up on. The defaults follow Standard Webhooks / Svix practice: retries spread over about a day.
 *
 * @param retrySchedule         the pauses after the first, second… failed attempt of a delivery; when they are
 *                              used up the delivery is FAILED
 * @param jitter                each pause is stretched or shrunk by up to this fraction, at random, so that
 *                              receivers coming back are not hit by every queued delivery at once
 * @param disableAfter          a subscription whose last this many deliveries in a row all FAILED is DISABLED
 * @param connectTimeout        connecting to the receiver
 * @param readTimeout           from sending the request to having the response's status and first 1 KB
 * @param lease                 how long a claimed delivery stays another instance's; longer than a whole attempt,
 *                              so after a crash the delivery is attempted again once the lease has expired
 * @param pollInterval          the pause between two runs of the delivery worker
 * @param batchSize             the most deliveries one run claims (and sends in parallel)
 * @param allowPrivateAddresses whether a target may be a loopback, site-local or link-local address; true suits
 *                              the embedded default (receivers on this machine), set false where the service can
 *                              reach an internal network that subscribers must not
 */
@ConfigurationProperties("sitework.notification.webhooks")
public record WebhookProperties(
        @DefaultValue({"PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT10H"}) List<Duration> retrySchedule,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("5") int disableAfter,
        @DefaultValue("PT10S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("true") boolean allowPrivateAddresses) {

    public WebhookProperties {
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("sitework.notification.webhooks.retry-schedule: every pause must be positive");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("sitework.notification.webhooks.jitter must be at least 0 and below 1");
        }
        if (disableAfter < 1) {
            throw new IllegalArgumentException("sitework.notification.webhooks.disable-after must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("sitework.notification.webhooks.batch-size must be at least 1");
        }
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("sitework.notification.webhooks.lease must be longer than connect-timeout + read-timeout");
        }
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retrySchedule, jitter);
    }
}
