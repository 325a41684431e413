package io.sitework.notification.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceWatermarkTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(5);

    @Test
    void handsOutConsecutiveEntriesAndMovesPastThem() {
        SequenceWatermark watermark = new SequenceWatermark(10, GRACE);

        assertThat(seqs(watermark.advance(entries(11, 12, 13), T0))).containsExactly(11L, 12L, 13L);
        assertThat(watermark.settled()).isEqualTo(13);
        assertThat(watermark.advance(List.of(), T0)).isEmpty();
        assertThat(watermark.settled()).isEqualTo(13);
    }

    @Test
    void aGapHoldsBackWhatFollowsUntilTheMissingEntryIsStored() {
        SequenceWatermark watermark = new SequenceWatermark(10, GRACE);

        assertThat(seqs(watermark.advance(entries(11, 13, 14), T0))).containsExactly(11L);
        assertThat(watermark.settled()).isEqualTo(11);
        // the writer of 12 was a moment late
        assertThat(seqs(watermark.advance(entries(12, 13, 14), T0.plusSeconds(1)))).containsExactly(12L, 13L, 14L);
        assertThat(watermark.settled()).isEqualTo(14);
    }

    @Test
    void aGapThatOutlastsTheGraceCountsAsANumberNeverUsed() {
        SequenceWatermark watermark = new SequenceWatermark(10, GRACE);

        assertThat(watermark.advance(entries(13, 14), T0)).isEmpty();
        assertThat(watermark.advance(entries(13, 14), T0.plus(GRACE).minusMillis(1))).isEmpty();
        assertThat(watermark.settled()).isEqualTo(10);

        assertThat(seqs(watermark.advance(entries(13, 14), T0.plus(GRACE)))).containsExactly(13L, 14L);
        assertThat(watermark.settled()).isEqualTo(14);
    }

    @Test
    void eachGapGetsItsOwnGrace() {
        SequenceWatermark watermark = new SequenceWatermark(0, GRACE);

        assertThat(watermark.advance(entries(2, 4), T0)).isEmpty();
        // 1 given up on at T0+5s; the gap at 3 is first seen then, so 4 waits another grace
        assertThat(seqs(watermark.advance(entries(2, 4), T0.plus(GRACE)))).containsExactly(2L);
        assertThat(watermark.advance(entries(4), T0.plus(GRACE).plusSeconds(1))).isEmpty();
        assertThat(seqs(watermark.advance(entries(4), T0.plus(GRACE).plus(GRACE)))).containsExactly(4L);
    }

    @Test
    void entriesAtOrBelowTheWatermarkAreNotHandedOutAgain() {
        SequenceWatermark watermark = new SequenceWatermark(10, GRACE);

        assertThat(seqs(watermark.advance(entries(9, 10, 11), T0))).containsExactly(11L);
    }

    @Test
    void withoutGraceAGapIsSkippedAtOnce() {
        SequenceWatermark watermark = new SequenceWatermark(0, Duration.ZERO);

        assertThat(seqs(watermark.advance(entries(3, 7), T0))).containsExactly(3L, 7L);
    }

    static List<InboxEntry> entries(long... seqs) {
        return java.util.Arrays.stream(seqs).mapToObj(SequenceWatermarkTest::entry).toList();
    }

    static InboxEntry entry(long seq) {
        return new InboxEntry("n-" + seq, "u-bruno", "s-1", "e-" + seq, "io.sitework.work.requested.v1", "w-1", "t", "",
                null, T0, T0, null, seq);
    }

    private static List<Long> seqs(List<InboxEntry> entries) {
        return entries.stream().map(InboxEntry::seq).toList();
    }
}
