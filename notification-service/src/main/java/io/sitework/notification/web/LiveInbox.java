package io.sitework.notification.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.inbox.SequenceWatermark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox's live stream. Entries may be stored by any instance of the service, so each instance polls the
 * inbox for entries with a sequence number above the last it handed out and pushes them to the streams open
 * on it. A new stream registers before its replay is read, and both look at the same watermark: an entry is
 * either replayed (stored up to the watermark) or pushed live (above it), never lost between the two. While no
 * stream is open on the instance it does not poll at all.
 */
@Component
public class LiveInbox {

    public static final String CHANNEL = "stream";
    static final String DELIVERED_METRIC = "sitework.notifications.delivered";
    static final String LATENCY_METRIC = "sitework.notifications.latency";

    private static final Logger log = LoggerFactory.getLogger(LiveInbox.class);

    private final InboxStore inbox;
    private final StreamRegistry streams;
    private final StreamProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private final Timer latency;

    /** Guards the watermark and registrations together; held only briefly, never while sending. */
    private final Object fanOutLock = new Object();
    private final Object tickLock = new Object();
    private SequenceWatermark watermark;

    public LiveInbox(InboxStore inbox, StreamRegistry streams, StreamProperties properties, Clock clock, MeterRegistry meterRegistry) {
        this.inbox = inbox;
        this.streams = streams;
        this.properties = properties;
        this.clock = clock;
        this.delivered = Counter.builder(DELIVERED_METRIC)
                .description("Notifications delivered to a channel (redeliveries of the same event are not counted)")
                .tag("channel", CHANNEL)
                .register(meterRegistry);
        this.latency = Timer.builder(LATENCY_METRIC)
                .description("From the event's time to the notification's delivery")
                .tag("channel", CHANNEL)
                .register(meterRegistry);
    }

    /**
     * Opens a stream of the user's entries: those stored after {@code lastEventId} first (none when it is
     * null), then the counts, then live entries as they are stored.
     */
    public SseEmitter connect(String userId, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        StreamConnection connection = new StreamConnection(userId, emitter, this::deliveredLive, streams::remove);
        emitter.onCompletion(connection::closed);
        emitter.onError(failure -> connection.closed());
        // completing on timeout ends the response cleanly instead of as a 503 on an already streaming response
        emitter.onTimeout(() -> connection.close(null));
        long upTo;
        List<StreamConnection> surplus;
        synchronized (fanOutLock) {
            upTo = watermark().settled();
            surplus = streams.add(connection);
        }
        surplus.forEach(oldest -> oldest.close(StreamRegistry.TOO_MANY_STREAMS));
        try {
            List<InboxEntry> missed = lastEventId == null ? List.of()
                    : inbox.findForUserBetween(userId, lastEventId, upTo, properties.replayLimit());
            connection.replay(missed, inbox.countsFor(userId));
        } catch (RuntimeException e) {
            connection.close(null);
            throw e;
        }
        return emitter;
    }

    /** The user's counts changed here (an entry marked read): their streams on this instance hear of it. */
    public void countsChanged(String userId) {
        List<StreamConnection> mine = streams.of(userId);
        if (!mine.isEmpty()) {
            var counts = inbox.countsFor(userId);
            mine.forEach(connection -> connection.pushCounts(counts));
        }
    }

    /** Looks for newly stored entries and pushes them to the streams of their users open here. */
    @Scheduled(fixedDelayString = "${sitework.notification.stream.poll-interval:PT0.5S}")
    public void tick() {
        synchronized (tickLock) {
            long after;
            synchronized (fanOutLock) {
                if (streams.size() == 0) {
                    // nobody listens here: nothing to look for; the next stream starts from what is stored then
                    watermark = null;
                    return;
                }
                after = watermark().settled();
            }
            List<InboxEntry> fresh = inbox.findStoredAfter(after, properties.pollBatch());
            if (fresh.isEmpty()) {
                return;
            }
            Map<String, List<InboxEntry>> byUser = new LinkedHashMap<>();
            Map<String, List<StreamConnection>> targets = new LinkedHashMap<>();
            synchronized (fanOutLock) {
                for (InboxEntry entry : watermark.advance(fresh, clock.instant())) {
                    byUser.computeIfAbsent(entry.userId(), user -> new ArrayList<>()).add(entry);
                }
                byUser.keySet().forEach(user -> targets.put(user, streams.of(user)));
            }
            byUser.forEach((user, entries) -> {
                List<StreamConnection> open = targets.get(user);
                if (open.isEmpty()) {
                    return;
                }
                for (InboxEntry entry : entries) {
                    open.forEach(connection -> connection.push(entry));
                }
                var counts = inbox.countsFor(user);
                open.forEach(connection -> connection.pushCounts(counts));
            });
        }
    }

    /** A comment line on every open stream: keeps proxies from closing idle streams and finds vanished clients. */
    @Scheduled(fixedDelayString = "${sitework.notification.stream.heartbeat:PT15S}",
            initialDelayString = "${sitework.notification.stream.heartbeat:PT15S}")
    public void heartbeat() {
        streams.all().forEach(StreamConnection::heartbeat);
    }

    private SequenceWatermark watermark() {
        if (watermark == null) {
            watermark = new SequenceWatermark(inbox.highestSeq(), properties.gapGrace());
            log.info("Live inbox stream starts after sequence number {}", watermark.settled());
        }
        return watermark;
    }

    private void deliveredLive(InboxEntry entry) {
        delivered.increment();
        if (entry.occurredAt() != null) {
            Duration took = Duration.between(entry.occurredAt(), Instant.now(clock));
            latency.record(took.isNegative() ? Duration.ZERO : took);
        }
    }
}
