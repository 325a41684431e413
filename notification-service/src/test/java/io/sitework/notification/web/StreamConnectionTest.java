package io.sitework.notification.web;

import io.sitework.notification.inbox.InboxCounts;
import io.sitework.notification.inbox.InboxEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamConnectionTest {

    private static final Instant T = Instant.parse("2026-11-25T07:30:00Z");

    private final RecordingEmitter emitter = new RecordingEmitter();
    private final List<InboxEntry> deliveredLive = new ArrayList<>();
    private final List<StreamConnection> closed = new ArrayList<>();
    private final StreamConnection connection = new StreamConnection("u-bruno", emitter, deliveredLive::add, closed::add);

    @Test
    void sendsTheMissedEntriesOldestFirstThenTheCounts() {
        connection.replay(List.of(entry(4), entry(7)), new InboxCounts(2, 9));

        assertThat(emitter.eventNames()).containsExactly("notification", "notification", "counts");
        assertThat(emitter.ids()).containsExactly("4", "7");
        assertThat(emitter.messages.get(0)).startsWith("id:4\nevent:notification\ndata:{").contains("\"seq\":4", "\"eventId\":\"e-4\"")
                .endsWith("}\n\n");
        assertThat(emitter.messages.get(2)).isEqualTo("event:counts\ndata:{\"unread\":2,\"total\":9}\n\n");
        assertThat(deliveredLive).as("a replay is not a live delivery").isEmpty();
    }

    @Test
    void liveEntriesArrivingDuringTheReplayFollowItInOrderAndOnce() {
        connection.push(entry(8));
        connection.pushCounts(new InboxCounts(3, 10));
        connection.push(entry(7)); // also part of the replay: not sent twice

        assertThat(emitter.messages).as("held while replaying").isEmpty();
        connection.replay(List.of(entry(6), entry(7)), new InboxCounts(2, 9));

        assertThat(emitter.ids()).containsExactly("6", "7", "8");
        assertThat(emitter.eventNames()).containsExactly("notification", "notification", "counts", "notification", "counts");
        assertThat(deliveredLive).extracting(InboxEntry::seq).containsExactly(8L);
    }

    @Test
    void afterTheReplayEntriesArePushedAtOnceAndCountedAsLiveDeliveries() {
        connection.replay(List.of(), new InboxCounts(0, 0));

        connection.push(entry(12));
        connection.pushCounts(new InboxCounts(1, 1));

        assertThat(emitter.eventNames()).containsExactly("counts", "notification", "counts");
        assertThat(deliveredLive).extracting(InboxEntry::seq).containsExactly(12L);
    }

    @Test
    void aFailedSendClosesTheConnectionOnceAndNothingMoreIsSent() {
        connection.replay(List.of(), new InboxCounts(0, 0));
        emitter.failing = true;

        connection.push(entry(12));
        connection.heartbeat();
        connection.pushCounts(new InboxCounts(1, 1));

        assertThat(connection.isClosed()).isTrue();
        assertThat(closed).containsExactly(connection);
        assertThat(emitter.completed).isTrue();
        assertThat(deliveredLive).isEmpty();
    }

    @Test
    void aHeartbeatIsACommentLine() {
        connection.replay(List.of(), new InboxCounts(0, 0));

        connection.heartbeat();

        assertThat(emitter.messages).last().isEqualTo(":heartbeat\n\n");
    }

    @Test
    void closingWithAReasonTellsTheClientThenCompletes() {
        connection.replay(List.of(), new InboxCounts(0, 0));

        connection.close("too-many-streams");
        connection.close("too-many-streams");

        assertThat(emitter.messages).last().isEqualTo("event:closed\ndata:{\"reason\":\"too-many-streams\"}\n\n");
        assertThat(emitter.completed).isTrue();
        assertThat(closed).containsExactly(connection);
    }

    @Test
    void theEmitterEndingForgetsTheConnection() {
        connection.closed();
        connection.closed();

        assertThat(closed).containsExactly(connection);
        connection.push(entry(1));
        assertThat(emitter.messages).isEmpty();
    }

    static InboxEntry entry(long seq) {
        return new InboxEntry("n-" + seq, "u-bruno", "s-1", "e-" + seq, "io.sitework.work.requested.v1", "w-1", "New work", "",
                null, T, T, null, seq);
    }
}
