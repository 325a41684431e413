package io.sitework.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured iterations of one thing (warm-up excluded): the median of the iterations' throughputs, and
 * the percentiles of all their latencies together.
 */
public final class Series {

    private final String name;
    private final List<Double> throughputs = new ArrayList<>();
    private final Histogram latency = Load.histogram();
    private long ops;
    private long errors;
    private String firstError;

    public Series(String name) {
        this.name = name;
    }

    public Series add(Load.Run run) {
        throughputs.add(run.throughput());
        latency.add(run.latencyMicros());
        ops += run.ops();
        errors += run.errors();
        if (firstError == null) {
            firstError = run.firstError();
        }
        return this;
    }

    /** A single latency sample, in microseconds (for sequential probes). */
    public Series record(long micros) {
        latency.recordValue(Math.max(1, Math.min(micros, latency.getHighestTrackableValue())));
        ops++;
        return this;
    }

    public Series error(String message) {
        errors++;
        if (firstError == null) {
            firstError = message;
        }
        return this;
    }

    public String name() {
        return name;
    }

    public double medianThroughput() {
        if (throughputs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(throughputs);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double millis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
    }

    public long errors() {
        return errors;
    }

    public long ops() {
        return ops;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (!throughputs.isEmpty()) {
            m.put("throughputPerSecondMedian", round(medianThroughput()));
            m.put("throughputPerSecondIterations", throughputs.stream().map(Series::round).toList());
        }
        m.put("samples", latency.getTotalCount());
        m.put("p50Ms", round(millis(50)));
        m.put("p90Ms", round(millis(90)));
        m.put("p99Ms", round(millis(99)));
        m.put("maxMs", round(maxMillis()));
        m.put("errors", errors);
        if (firstError != null) {
            m.put("firstError", firstError);
        }
        return m;
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }
}
