package io.sitework.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeriesTest {

    private static Load.Run run(long ops, double seconds, long... micros) {
        Histogram h = Load.histogram();
        for (long m : micros) {
            h.recordValue(m);
        }
        return new Load.Run(ops, 0, seconds, h, null);
    }

    @Test
    void throughputIsTheMedianOfTheIterationsAndLatencyTheirUnion() {
        Series s = new Series("x")
                .add(run(100, 1, 1_000, 2_000))
                .add(run(300, 1, 3_000))
                .add(run(200, 1, 100_000));
        assertThat(s.medianThroughput()).isEqualTo(200);
        assertThat(s.maxMillis()).isCloseTo(100, within(0.1));
        assertThat(s.millis(50)).isCloseTo(2, within(0.01));
    }

    @Test
    void anEvenNumberOfIterationsAveragesTheMiddleTwo() {
        Series s = new Series("x").add(run(100, 1, 1)).add(run(300, 1, 1));
        assertThat(s.medianThroughput()).isEqualTo(200);
    }

    @Test
    void targetsCompareInTheirDirection() {
        assertThat(new Report.Target("a", "ratio", 0.9, 0.85, true, null).met()).isTrue();
        assertThat(new Report.Target("a", "ratio", 0.8, 0.85, true, null).met()).isFalse();
        assertThat(new Report.Target("a", "p99", 1.4, 1.3, false, null).met()).isFalse();
        assertThat(new Report.Target("a", "p99", Double.NaN, 1.3, false, null).met()).isFalse();
    }
}
