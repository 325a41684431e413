package io.sitework.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the live stream has handed out stored entries, in sequence order. Instances of the service take
 * numbers and store entries concurrently, so entry 12 may be readable before entry 11: handing out 12 at
 * once would let a client resume after 12 and never see 11. A gap therefore holds back what follows it until
 * the missing number is stored or, after a grace period, counts as never used (a number taken for a
 * redelivery, or a writer that died). Not thread-safe: one poller owns it.
 */
public final class SequenceWatermark {

    private final Duration grace;
    /** Every number up to here has been handed out or given up on. */
    private long settled;
    /** The first number of each gap seen, and when it was first seen. */
    private final Map<Long, Instant> gapsSince = new HashMap<>();

    public SequenceWatermark(long settled, Duration grace) {
        this.settled = settled;
        this.grace = grace;
    }

    public long settled() {
        return settled;
    }

    /**
     * Moves the watermark over what may be handed out now.
     *
     * @param fresh entries stored with a number above {@link #settled()}, in number order
     * @return the ones to hand out now, in number order; the watermark is past them
     */
    public List<InboxEntry> advance(List<InboxEntry> fresh, Instant now) {
        List<InboxEntry> ready = new ArrayList<>();
        long expected = settled + 1;
        for (InboxEntry entry : fresh) {
            long seq = entry.seq();
            if (seq < expected) {
                continue;
            }
            if (seq > expected) {
                Instant since = gapsSince.computeIfAbsent(expected, start -> now);
                if (Duration.between(since, now).compareTo(grace) < 0) {
                    break;
                }
            }
            ready.add(entry);
            expected = seq + 1;
        }
        settled = expected - 1;
        gapsSince.keySet().removeIf(start -> start <= settled);
        return ready;
    }
}
