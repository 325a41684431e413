package io.sitework.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends what the outbox holds, one claimed message at a time. A claim is a lease: SENDING until
 * {@code leaseUntil}, so two instances never send one message at the same time, and a message whose sender
 * died is taken over once the lease runs out.
 *
 * <p>The one window: a crash (or a lost MongoDB) after the SMTP server accepted an e-mail and before it is
 * marked SENT leaves it SENDING, and it is sent again after the lease. Such a resend carries the same
 * Message-ID ({@code <id@sitework>}), so mail clients and people can tell it is the same e-mail.
 *
 * <p>An SMTP failure ({@link MailException}) is retried with exponential backoff until the attempts run out,
 * then the message is FAILED with the last error; an e-mail that cannot even be built (a bad address, a
 * template error) fails at once. A MongoDB failure stops the run; the lease brings the message back.
 */
@Component
public class EmailSender {

    public static final String CHANNEL = "email";
    public static final String DELIVERED_METRIC = "sitework.notifications.delivered";
    public static final String FAILED_METRIC = "sitework.notifications.failed";
    public static final String RETRIED_METRIC = "sitework.notifications.retried";
    public static final String LATENCY_METRIC = "sitework.notifications.latency";

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final int MAX_ERROR = 500;

    private final OutboxStore store;
    private final EmailRenderer renderer;
    private final MailTransport transport;
    private final EmailProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final Counter retried;
    private final Timer latency;

    public EmailSender(OutboxStore store, EmailRenderer renderer, MailTransport transport, EmailProperties properties, Clock clock,
                       MeterRegistry meters) {
        this.store = store;
        this.renderer = renderer;
        this.transport = transport;
        this.properties = properties;
        this.clock = clock;
        this.delivered = Counter.builder(DELIVERED_METRIC)
                .description("Notifications delivered to a channel (redeliveries of the same event are not counted)")
                .tag("channel", CHANNEL).register(meters);
        this.failed = Counter.builder(FAILED_METRIC)
                .description("Notifications given up on after their last attempt")
                .tag("channel", CHANNEL).register(meters);
        this.retried = Counter.builder(RETRIED_METRIC)
                .description("Failed delivery attempts that will be tried again")
                .tag("channel", CHANNEL).register(meters);
        this.latency = Timer.builder(LATENCY_METRIC)
                .description("From the event's time to the notification's delivery")
                .tag("channel", CHANNEL).register(meters);
    }

    /** Sends the messages that are due, at most a batch; returns how many it handled (sent, retried, failed or skipped). */
    @Scheduled(fixedDelayString = "${sitework.notification.email.poll-interval:PT2S}")
    public int tick() {
        int handled = 0;
        while (handled < properties.batchSize()) {
            Optional<OutboxMessage> claimed = store.claimNext(clock.instant(), properties.lease());
            if (claimed.isEmpty()) {
                break;
            }
            deliver(claimed.get());
            handled++;
        }
        return handled;
    }

    private void deliver(OutboxMessage message) {
        List<OutboxMessage> items = message.isDigest() ? store.itemsOf(message) : List.of();
        if (message.isDigest() && items.isEmpty()) {
            store.markSkipped(message, clock.instant());
            log.info("Digest {} for {} has nothing left to carry; skipped", message.id(), message.recipientId());
            return;
        }
        try {
            RenderedEmail email = message.isDigest() ? renderer.digest(message, items) : renderer.single(message);
            transport.send(email);
        } catch (DataAccessException e) {
            throw e;
        } catch (MailParseException e) {
            fail(message, e);
            return;
        } catch (MailException e) {
            retryOrFail(message, e);
            return;
        } catch (RuntimeException e) {
            fail(message, e);
            return;
        }
        Instant now = clock.instant();
        if (message.isDigest()) {
            store.markIncluded(items.stream().map(OutboxMessage::id).toList(), message.id());
        }
        store.markSent(message, now);
        List<OutboxMessage> notifications = message.isDigest() ? items : List.of(message);
        for (OutboxMessage notification : notifications) {
            delivered.increment();
            if (notification.occurredAt() != null && !notification.occurredAt().isAfter(now)) {
                latency.record(Duration.between(notification.occurredAt(), now));
            }
        }
        log.info("E-mail {} sent to {} ({} attempt{}{})", message.id(), message.recipientId(), message.attempts(),
                message.attempts() == 1 ? "" : "s", message.isDigest() ? ", digest of " + items.size() : "");
    }

    private void retryOrFail(OutboxMessage message, MailException e) {
        if (message.attempts() >= properties.retry().maxAttempts()) {
            fail(message, e);
            return;
        }
        Instant next = clock.instant().plus(properties.retry().backoffAfter(message.attempts()));
        if (store.reschedule(message, next, error(e))) {
            retried.increment();
            log.warn("E-mail {} to {} not sent (attempt {}), retrying at {}: {}", message.id(), message.recipientId(),
                    message.attempts(), next, e.getMessage());
        }
    }

    private void fail(OutboxMessage message, RuntimeException e) {
        if (store.markFailed(message, error(e))) {
            failed.increment();
            log.error("E-mail {} to {} FAILED after {} attempt(s): {}", message.id(), message.recipientId(), message.attempts(),
                    e.getMessage());
        }
    }

    private static String error(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
