package io.sitework.notification.web;

import io.sitework.notification.inbox.InboxCounts;
import io.sitework.notification.inbox.InboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One open stream of one user. The missed entries are replayed first; live entries that arrive meanwhile are
 * held and sent after them, so the client sees its entries in sequence order. Any failure to send ends the
 * connection and tells its owner, so a vanished client leaves nothing behind.
 */
final class StreamConnection {

    static final String NOTIFICATION = "notification";
    static final String COUNTS = "counts";
    static final String CLOSED = "closed";

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    private final String userId;
    private final SseEmitter emitter;
    private final Consumer<InboxEntry> deliveredLive;
    private final Consumer<StreamConnection> onClosed;

    private boolean replaying = true;
    private boolean closed;
    private long lastSentSeq;
    private final List<Object> held = new ArrayList<>();

    StreamConnection(String userId, SseEmitter emitter, Consumer<InboxEntry> deliveredLive, Consumer<StreamConnection> onClosed) {
        this.userId = userId;
        this.emitter = emitter;
        this.deliveredLive = deliveredLive;
        this.onClosed = onClosed;
    }

    String userId() {
        return userId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Sends what the client missed and the counts, then whatever arrived live meanwhile. */
    synchronized void replay(List<InboxEntry> missed, InboxCounts counts) {
        for (InboxEntry entry : missed) {
            if (!sendEntry(entry)) {
                return;
            }
        }
        if (!send(counts(counts))) {
            return;
        }
        replaying = false;
        for (Object message : held) {
            boolean sent = message instanceof InboxEntry entry ? sendLive(entry) : send(counts((InboxCounts) message));
            if (!sent) {
                return;
            }
        }
        held.clear();
    }

    synchronized void push(InboxEntry entry) {
        if (closed) {
            return;
        }
        if (replaying) {
            held.add(entry);
        } else {
            sendLive(entry);
        }
    }

    synchronized void pushCounts(InboxCounts counts) {
        if (closed) {
            return;
        }
        if (replaying) {
            held.add(counts);
        } else {
            send(counts(counts));
        }
    }

    synchronized void heartbeat() {
        if (!closed) {
            send(SseEmitter.event().comment("heartbeat"));
        }
    }

    /** Ends the stream, telling the client why first (a portal need not reconnect a stream closed as surplus). */
    synchronized void close(String reason) {
        if (closed) {
            return;
        }
        if (reason != null) {
            send(SseEmitter.event().name(CLOSED).data(Map.of("reason", reason), MediaType.APPLICATION_JSON));
        }
        closed();
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            log.debug("Stream of {} was already gone: {}", userId, alreadyGone.toString());
        }
    }

    /** The emitter completed, timed out or failed: forget the connection. */
    synchronized void closed() {
        if (!closed) {
            closed = true;
            held.clear();
            onClosed.accept(this);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private boolean sendLive(InboxEntry entry) {
        if (entry.seq() <= lastSentSeq) {
            return true;
        }
        boolean sent = sendEntry(entry);
        if (sent) {
            deliveredLive.accept(entry);
        }
        return sent;
    }

    private boolean sendEntry(InboxEntry entry) {
        boolean sent = send(SseEmitter.event().id(Long.toString(entry.seq())).name(NOTIFICATION)
                .data(NotificationView.of(entry), MediaType.APPLICATION_JSON));
        if (sent) {
            lastSentSeq = Math.max(lastSentSeq, entry.seq());
        }
        return sent;
    }

    private static SseEmitter.SseEventBuilder counts(InboxCounts counts) {
        return SseEmitter.event().name(COUNTS).data(counts, MediaType.APPLICATION_JSON);
    }

    private boolean send(SseEmitter.SseEventBuilder event) {
        if (closed) {
            return false;
        }
        try {
            emitter.send(event);
            return true;
        } catch (IOException | RuntimeException gone) {
            // the client went away (or the emitter already completed): nothing more will reach it
            log.debug("Stream of {} ended: {}", userId, gone.toString());
            closed();
            try {
                emitter.completeWithError(gone);
            } catch (RuntimeException ignored) {
                // already completed
            }
            return false;
        }
    }
}
