package io.sitework.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns collected digest items into digest e-mails: when a recipient's digest time has come, it stores one
 * digest (id from recipient and local date, so a repeat or a second instance stores nothing new) that
 * {@link EmailSender} sends like any message, once the recipient's quiet hours allow.
 *
 * <p>Why no item is dropped or doubled, whatever crashes when: the digest document holds no items. The sender
 * reads them when it sends (its recipient's items due by the digest's cutoff and carried by no other digest),
 * and marks them carried by this digest only after the SMTP server accepted it. A crash before that mark
 * leaves them uncarried: the digest, SENDING, is taken over after its lease and re-reads the same items (the
 * at-most-once window, same Message-ID). An item marked once is never read by another digest. While a
 * recipient's digest waits to be sent no further digest is made for them, so two digests never compete for
 * items; an item that arrives after its digest went out is carried by the next day's.
 */
@Component
public class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final OutboxStore store;
    private final Clock clock;

    public DigestScheduler(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores the digests that are due now; returns how many it stored. */
    @Scheduled(fixedDelayString = "${sitework.notification.email.poll-interval:PT2S}")
    public int tick() {
        Instant now = clock.instant();
        Map<String, List<OutboxMessage>> dueByRecipient = store.dueDigestItems(now).stream()
                .collect(Collectors.groupingBy(OutboxMessage::recipientId, LinkedHashMap::new, Collectors.toList()));
        int stored = 0;
        for (Map.Entry<String, List<OutboxMessage>> due : dueByRecipient.entrySet()) {
            String recipient = due.getKey();
            if (store.hasUnsentDigest(recipient)) {
                continue;
            }
            // the newest item says where and when the recipient wants their digest now
            OutboxMessage latest = due.getValue().stream().max(Comparator.comparing(OutboxMessage::createdAt)).orElseThrow();
            ZoneId zone = ZoneId.of(latest.zone());
            LocalDate date = LocalTimes.lastAtOrBefore(now, zone, LocalTime.parse(latest.digestAt())).toLocalDate();
            QuietHours quiet = QuietHours.parse(latest.quietStart(), latest.quietEnd());
            Instant notBefore = quiet == null ? now : quiet.notBefore(now, zone);
            String digestId = digestIdFor(recipient, date);
            if (store.insertDigestIfAbsent(digestId, latest, date, now, notBefore, now)) {
                stored++;
                log.info("Digest {} of {} for {} with {} item(s) due, to be sent {}", digestId, date, recipient, due.getValue().size(),
                        notBefore.isAfter(now) ? "when the quiet hours end at " + notBefore : "now");
            }
        }
        return stored;
    }

    /** One digest per recipient and local date. */
    public static String digestIdFor(String recipientId, LocalDate date) {
        String name = "digest|" + recipientId.length() + ":" + recipientId + "|" + date;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
