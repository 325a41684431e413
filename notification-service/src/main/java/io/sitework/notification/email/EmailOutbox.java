package io.sitework.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * Where the dispatcher hands over e-mail: stores each request once, with when it may go, and returns;
 * {@link EmailSender} sends it later. Storing before sending is what lets a crash, a restart or an SMTP
 * outage delay an e-mail without losing it.
 */
@Service
public class EmailOutbox {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

    private final OutboxStore store;
    private final Clock clock;

    public EmailOutbox(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Stores the request under its delivery id and returns once it is stored. A request sent alone may go
     * now, or when the recipient's quiet hours end; a digest request waits for the recipient's next digest
     * (the first digest time strictly after now).
     *
     * @return true if it was stored now; false if that delivery id was stored before (nothing changes then)
     */
    public boolean enqueue(EmailRequest request) {
        Instant now = clock.instant();
        boolean stored;
        if (request.digest()) {
            Instant dueAt = LocalTimes.nextAfter(now, request.zone(), request.digestAt());
            stored = store.insertIfAbsent(request, OutboxMessage.DIGEST_ITEM, null, dueAt, now);
            if (stored) {
                log.info("E-mail {} for {} from {} {} waits for the digest of {}", request.deliveryId(), request.recipientId(),
                        request.eventType(), request.eventId(), dueAt);
            }
        } else {
            Instant notBefore = request.quietHours() == null ? now : request.quietHours().notBefore(now, request.zone());
            stored = store.insertIfAbsent(request, OutboxMessage.MESSAGE, notBefore, null, now);
            if (stored) {
                log.info("E-mail {} for {} from {} {} queued{}", request.deliveryId(), request.recipientId(), request.eventType(),
                        request.eventId(), notBefore.isAfter(now) ? " until the quiet hours end at " + notBefore : "");
            }
        }
        if (!stored) {
            log.debug("E-mail {} already queued; repeat ignored", request.deliveryId());
        }
        return stored;
    }
}
