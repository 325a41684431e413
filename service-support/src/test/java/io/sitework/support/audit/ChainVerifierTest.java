package io.sitework.support.audit;

import io.sitework.support.audit.ChainVerifier.Link;
import io.sitework.support.audit.ChainVerifier.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    /** A well-formed chain of n events; hashes are arbitrary distinct bytes (SQL computes the real ones). */
    private static List<Link> chain(int n) {
        List<Link> links = new ArrayList<>();
        byte[] previous = ChainVerifier.GENESIS;
        for (int i = 0; i < n; i++) {
            byte[] hash = new byte[32];
            hash[0] = (byte) (i + 1);
            links.add(new Link(i, previous, hash, hash.clone()));
            previous = hash;
        }
        return links;
    }

    private static Verdict judge(List<Link> links) {
        return ChainVerifier.judge("w-1", "Work", links, AT);
    }

    @Test
    void anUnbrokenChainIsIntactAndNamesItsLastHash() {
        Verdict verdict = judge(chain(4));

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.events()).isEqualTo(4);
        assertThat(verdict.firstBrokenSequence()).isNull();
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.lastHash()).startsWith("04").hasSize(64);
        assertThat(verdict.verifiedAt()).isEqualTo(AT);
        assertThat(verdict.aggregateType()).isEqualTo("Work");
    }

    @Test
    void aHashThatDiffersFromTheRecomputedOneIsAChangedContent() {
        List<Link> links = chain(4);
        Link second = links.get(2);
        links.set(2, new Link(2, second.previousHash(), second.hash(), new byte[32]));

        Verdict verdict = judge(links);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(2);
        assertThat(verdict.problem()).isEqualTo("content changed");
    }

    @Test
    void aPreviousHashThatIsNotThePredecessorsIsABrokenLink() {
        List<Link> links = chain(3);
        byte[] other = HexFormat.of().parseHex("ff".repeat(32));
        links.set(1, new Link(1, other, links.get(1).hash(), links.get(1).hash()));

        Verdict verdict = judge(links);

        assertThat(verdict.firstBrokenSequence()).isEqualTo(1);
        assertThat(verdict.problem()).isEqualTo("link broken");
    }

    @Test
    void theFirstEventMustFollowTheGenesisHash() {
        List<Link> links = chain(2);
        byte[] other = HexFormat.of().parseHex("01".repeat(32));
        links.set(0, new Link(0, other, links.get(0).hash(), links.get(0).hash()));

        assertThat(judge(links).problem()).isEqualTo("link broken");
        assertThat(judge(links).firstBrokenSequence()).isZero();
    }

    @Test
    void aMissingEventIsAGapAtItsSequence() {
        List<Link> links = chain(5);
        links.remove(2);

        Verdict verdict = judge(links);

        assertThat(verdict.events()).isEqualTo(4);
        assertThat(verdict.firstBrokenSequence()).isEqualTo(2);
        assertThat(verdict.problem()).isEqualTo("sequence gap");
    }

    @Test
    void anEventWithoutHashIsReported() {
        List<Link> links = chain(3);
        links.set(1, new Link(1, null, null, null));

        Verdict verdict = judge(links);

        assertThat(verdict.firstBrokenSequence()).isEqualTo(1);
        assertThat(verdict.problem()).isEqualTo("no hash");
    }

    @Test
    void theFirstBreakIsReportedNotALaterOne() {
        List<Link> links = chain(5);
        links.set(1, new Link(1, links.get(1).previousHash(), links.get(1).hash(), new byte[32]));
        links.remove(3);

        assertThat(judge(links).firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void anAggregateWithNoEventLeftIsAGapAtZero() {
        Verdict verdict = judge(List.of());

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.events()).isZero();
        assertThat(verdict.firstBrokenSequence()).isZero();
        assertThat(verdict.lastHash()).isNull();
    }
}
