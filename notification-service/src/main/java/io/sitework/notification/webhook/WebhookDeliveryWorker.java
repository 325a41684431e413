package io.sitework.notification.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries. Each run claims up to {@code batch-size} of them under a lease (an atomic
 * findAndModify, so two instances never send the same attempt), POSTs them in parallel, and records every
 * outcome: delivered, another attempt after the retry schedule's pause, or FAILED once the schedule is used
 * up — which may disable the subscription. A worker that dies mid-attempt leaves its lease to expire; the
 * delivery is then claimed again (that lost attempt counts against the schedule).
 */
@Component
public class WebhookDeliveryWorker {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    public static final String USER_AGENT = "Sitework-Webhooks/1";

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    private final WebhookDeliveryStore deliveries;
    private final WebhookSubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final TargetPolicy targets;
    private final WebhookMetrics metrics;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final Clock clock;

    public WebhookDeliveryWorker(WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions, WebhookSender sender,
                                 TargetPolicy targets, WebhookMetrics metrics, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.targets = targets;
        this.metrics = metrics;
        this.properties = properties;
        this.schedule = properties.schedule();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sitework.notification.webhooks.poll-interval:PT1S}")
    public void scheduledTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // MongoDB away, say: the next run tries again, and leases make sure nothing is lost meanwhile
            log.warn("Webhook delivery run failed: {}", e.toString());
        }
    }

    /**
     * One run: claims what is due now, sends it and records the outcomes before returning.
     *
     * @return how many deliveries were claimed
     */
    public int tick() {
        List<Claim> claimed = new ArrayList<>();
        for (int i = 0; i < properties.batchSize(); i++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            Optional<WebhookDelivery> next = deliveries.claimNext(now, now.plus(properties.lease()), token);
            if (next.isEmpty()) {
                break;
            }
            claimed.add(new Claim(next.get(), token));
        }
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Claim claim : claimed) {
            running.add(attempt(claim.delivery(), claim.token()));
        }
        running.forEach(CompletableFuture::join);
        return claimed.size();
    }

    private record Claim(WebhookDelivery delivery, String token) {
    }

    private CompletableFuture<Void> attempt(WebhookDelivery delivery, String token) {
        Optional<WebhookSubscription> found = subscriptions.findById(delivery.subscriptionId());
        if (found.isEmpty()) {
            // its subscription was deleted after this delivery was stored: the log goes with it
            deliveries.delete(delivery.id());
            return CompletableFuture.completedFuture(null);
        }
        WebhookSubscription subscription = found.get();
        if (!subscription.enabled()) {
            deliveries.skip(delivery.id(), token);
            return CompletableFuture.completedFuture(null);
        }
        Instant at = clock.instant();
        URI url = URI.create(subscription.url());
        String refused = targets.problemBeforeSending(url);
        if (refused != null) {
            return CompletableFuture.runAsync(() -> record(delivery, token, subscription, at,
                    new WebhookSender.Outcome(null, "refused: " + refused, 0, null)));
        }
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", CONTENT_TYPE);
        headers.put("user-agent", USER_AGENT);
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.sign(subscription.secret(), delivery.id(), timestamp, delivery.payload()));
        return sender.post(url, headers, delivery.payload())
                .thenAccept(outcome -> record(delivery, token, subscription, at, outcome))
                .exceptionally(failure -> {
                    log.warn("Could not record the attempt of webhook delivery {}: {}", delivery.id(), failure.toString());
                    return null;
                });
    }

    private void record(WebhookDelivery delivery, String token, WebhookSubscription subscription, Instant at, WebhookSender.Outcome outcome) {
        WebhookAttempt attempt = new WebhookAttempt(delivery.attemptCount(), at, outcome.statusCode(), outcome.failure(),
                outcome.durationMs(), outcome.response());
        Instant now = clock.instant();
        if (outcome.delivered()) {
            if (deliveries.recordAttempt(delivery.id(), token, attempt, DeliveryStatus.DELIVERED, null)) {
                metrics.delivered(delivery.redeliveries() == 0 ? Duration.between(delivery.eventTime(), now) : null);
                subscriptions.deliverySucceeded(subscription.id());
                log.info("Webhook delivery {} to subscription {} delivered (attempt {}, HTTP {})", delivery.id(), subscription.id(),
                        attempt.number(), outcome.statusCode());
            }
            return;
        }
        Optional<Duration> pause = schedule.pauseAfter(delivery.attemptInRun(), () -> ThreadLocalRandom.current().nextDouble());
        if (pause.isPresent()) {
            if (deliveries.recordAttempt(delivery.id(), token, attempt, DeliveryStatus.PENDING, now.plus(pause.get()))) {
                metrics.retried();
                log.info("Webhook delivery {} to subscription {}: attempt {} failed ({}); next in {}", delivery.id(), subscription.id(),
                        attempt.number(), attempt.error(), pause.get());
            }
            return;
        }
        if (deliveries.recordAttempt(delivery.id(), token, attempt, DeliveryStatus.FAILED, null)) {
            metrics.failed();
            log.warn("Webhook delivery {} to subscription {} FAILED after {} attempts; last: {}", delivery.id(), subscription.id(),
                    delivery.attemptInRun(), attempt.error());
            String reason = properties.disableAfter() + " deliveries in a row failed after every retry; the last one: " + attempt.error();
            if (subscriptions.deliveryFailed(subscription.id(), properties.disableAfter(), now, reason)) {
                log.warn("Webhook subscription {} DISABLED: {}", subscription.id(), reason);
            }
        }
    }
}
