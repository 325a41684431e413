package io.sitework.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: a closed workload (N clients, each sending its next request when the previous one is
 * answered: saturation throughput) and an open workload (requests at a fixed rate whatever the answers do;
 * latency counted from the instant each request was due, so a stall is not hidden by the clients waiting
 * for it — no coordinated omission). Latencies go into HdrHistograms in microseconds.
 */
public final class Load {

    /** One request; throws when it fails (a non-2xx answer). {@code client} is the client's number, {@code n} its request count. */
    public interface Op {
        void call(int client, long n) throws Exception;
    }

    /** What one run measured. */
    public record Run(long ops, long errors, double seconds, Histogram latencyMicros, String firstError) {
        public double throughput() {
            return ops / seconds;
        }
    }

    private Load() {
    }

    public static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    }

    /** {@code clients} clients send requests back to back for {@code duration}. */
    public static Run closed(int clients, Duration duration, Op op) {
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("closed-client"));
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Run>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    Histogram h = histogram();
                    long ops = 0;
                    long errors = 0;
                    String firstError = null;
                    long n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            op.call(client, n++);
                            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                            ops++;
                        } catch (Exception e) {
                            errors++;
                            if (firstError == null) {
                                firstError = String.valueOf(e.getMessage());
                            }
                        }
                    }
                    return new Run(ops, errors, 0, h, firstError);
                }));
            }
            return merge(futures, start);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Requests at {@code ratePerSecond} for {@code duration}, each on a thread of a large pool; latency from the
     * instant the request was due to its answer.
     */
    public static Run open(double ratePerSecond, Duration duration, int maxInFlight, Op op) {
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight, daemon("open-client"));
        Histogram h = histogram();
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        long interval = (long) (1_000_000_000L / ratePerSecond);
        long count = Math.max(1, (long) (ratePerSecond * duration.toMillis() / 1000.0));
        try {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long n = i;
                pool.execute(() -> {
                    try {
                        op.call((int) (n % maxInFlight), n);
                        long micros = Math.max(1, (System.nanoTime() - due) / 1000);
                        synchronized (h) {
                            h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
                        }
                        ops.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = String.valueOf(e.getMessage());
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(ops.get(), errors.get(), seconds, h, firstError[0]);
    }

    private static Run merge(List<Future<Run>> futures, long start) {
        Histogram all = histogram();
        long ops = 0;
        long errors = 0;
        String firstError = null;
        for (Future<Run> f : futures) {
            try {
                Run r = f.get();
                all.add(r.latencyMicros());
                ops += r.ops();
                errors += r.errors();
                if (firstError == null) {
                    firstError = r.firstError();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new Run(ops, errors, (System.nanoTime() - start) / 1e9, all, firstError);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
