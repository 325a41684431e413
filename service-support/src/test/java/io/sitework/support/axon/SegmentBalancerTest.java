package io.sitework.support.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentBalancerTest {

    @Test
    void anInstanceHoldingMoreThanItsShareReleasesTheSurplus() {
        // four segments, the first instance holds them all when the second arrives
        assertThat(SegmentBalancer.surplus(4, 2, 4)).isEqualTo(2);
        assertThat(SegmentBalancer.surplus(4, 2, 2)).isZero();
        // shares round up: with three instances nobody needs to give up a second of four segments
        assertThat(SegmentBalancer.surplus(4, 3, 2)).isZero();
        assertThat(SegmentBalancer.surplus(4, 3, 3)).isEqualTo(1);
    }

    @Test
    void aSingleSegmentAndALoneInstanceAreNeverReleased() {
        assertThat(SegmentBalancer.surplus(1, 2, 1)).isZero();
        assertThat(SegmentBalancer.surplus(4, 1, 4)).isZero();
        // no live instance counted yet (its first heartbeat not visible): as if alone
        assertThat(SegmentBalancer.surplus(4, 0, 4)).isZero();
    }
}
