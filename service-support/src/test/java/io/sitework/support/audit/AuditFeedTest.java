package io.sitework.support.audit;

import io.sitework.support.test.MutableClock;
import io.sitework.support.web.BadRequestException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFeedTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final List<SiteEventLog.StoredEvent> stored = new ArrayList<>();
    private final SiteEventLog log = new SiteEventLog(null, null, null) {
        @Override
        public List<SiteEventLog.StoredEvent> after(String siteId, long after, int limit) {
            return stored.stream().filter(e -> e.globalIndex() > after).limit(limit).toList();
        }
    };
    private final AuditFeed feed = new AuditFeed("work", log, (message, sequence) -> Optional.empty(), null,
            new MutableClock(NOW), Duration.ofSeconds(5));

    private void store(long index, Instant at) {
        stored.add(new SiteEventLog.StoredEvent(index, new GenericDomainEventMessage<>("Thing", "agg-" + index, 0,
                Map.of("siteId", "s"), MetaData.emptyInstance(), "e" + index, at)));
    }

    @Test
    void pagesContinueWhereTheCursorLeftOffWithoutRepeats() {
        store(3, NOW.minusSeconds(60));
        store(7, NOW.minusSeconds(50));
        store(8, NOW.minusSeconds(40));

        AuditFeed.Page first = feed.page("s", null, 2);
        AuditFeed.Page second = feed.page("s", first.next(), 2);

        assertThat(first.items()).extracting(AuditFeed.Item::id).containsExactly("e3", "e7");
        assertThat(second.items()).extracting(AuditFeed.Item::id).containsExactly("e8");
        assertThat(feed.page("s", second.next(), 2).items()).isEmpty();
        assertThat(feed.page("s", second.next(), 2).next()).isEqualTo(second.next());
    }

    @Test
    void aPageStopsAtTheFirstEventInsideTheSettleWindowEvenIfOlderOnesFollow() {
        store(1, NOW.minusSeconds(60));
        store(2, NOW.minusSeconds(1));
        store(3, NOW.minusSeconds(30));

        AuditFeed.Page page = feed.page("s", null, 10);

        assertThat(page.items()).extracting(AuditFeed.Item::id).containsExactly("e1");
        assertThat(FeedCursor.decode(page.next(), "after")).isEqualTo(1);
    }

    @Test
    void badCursorsAndLimitsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> feed.page("s", "not a cursor!", 10)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).errors().get(0).field()).isEqualTo("after"));
        assertThatThrownBy(() -> feed.page("s", FeedCursor.encode(1).substring(1), 10)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> feed.page("s", null, AuditFeed.MAX_LIMIT + 1)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).errors().get(0).field()).isEqualTo("limit"));
        assertThatThrownBy(() -> feed.page("s", null, 0)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void aCursorRoundTrips() {
        assertThat(FeedCursor.decode(FeedCursor.encode(42), "after")).isEqualTo(42);
        assertThat(FeedCursor.decode(null, "after")).isEqualTo(-1);
    }
}
