package io.sitework.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark suite's entry point: starts the embedded default, runs each scenario with its baseline in the
 * same run, and writes {@code report.md} and {@code report.json} under {@code benchmarks/results/<timestamp>/}
 * (and {@code results/latest/}). Scenarios that need only PostgreSQL (the append baseline) run on a throwaway
 * database of their own.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Sizes sizes = options.sizes();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path outDir = options.out().resolve(stamp).toAbsolutePath();
        Path jfrDir = outDir.resolve("jfr");
        Files.createDirectories(jfrDir);
        Report report = new Report();
        // this JVM hosts the embedded default's in-process MongoDB and the load generator: profiled too
        jdk.jfr.Recording self = options.jfr() ? new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile")) : null;
        if (self != null) {
            self.start();
        }
        Instant begin = Instant.now();
        report.header("run", stamp + " (" + sizes.name() + " sizes" + (options.only().isEmpty() ? "" : ", only " + options.only()) + ")");
        Machine.describe().forEach(report::header);
        report.header("method", "closed workloads: warm-up " + sizes.warmup().toSeconds() + " s, then " + sizes.iterations()
                + " iterations of " + sizes.iteration().toSeconds() + " s (throughput: median of iterations; latency: "
                + "HdrHistogram of all iterations); open workloads " + sizes.loadStep().toSeconds()
                + " s per load step, latency from each request's due time");

        if (options.runs("append")) {
            run(report, "append", () -> StoreScenarios.append(sizes, report));
        }
        Map<Long, String> pids = new java.util.HashMap<>();
        boolean needsPlatform = Options.SCENARIOS.stream().filter(s -> !s.equals("append")).anyMatch(options::runs);
        if (needsPlatform) {
            List<UUID> sites = Generator.sites(20);
            List<String> opts = new ArrayList<>(List.of(
                    // the suite's clients are few users sending many requests: keep the limiter (and its Redis call) but out of the way
                    "-Dsitework.rate-limit.replenish-rate=1000000", "-Dsitework.rate-limit.burst-capacity=1000000"));
            if (options.jfr()) {
                opts.add("-XX:StartFlightRecording=filename=" + jfrDir + ",dumponexit=true,settings=profile");
            }
            System.out.println("Starting the platform (data in " + outDir.resolve("platform") + ") …");
            Bench bench = null;
            try {
                bench = Bench.start(outDir.resolve("platform"), opts, sites);
            } catch (Exception e) {
                e.printStackTrace();
                report.failed(report.section("platform", "FAILED: starting the platform"), e);
            }
            if (bench != null) {
                try (Bench running = bench) {
                    running.pids().forEach((name, pid) -> pids.put(pid, name));
                    platformScenarios(running, options, report, outDir, sites, opts);
                    running.pids().forEach((name, pid) -> pids.putIfAbsent(pid, name + " (restarted)"));
                    System.out.println("Stopping the platform …");
                }
            }
        }
        if (self != null) {
            self.dump(jfrDir.resolve(ProcessHandle.current().pid() + ".jfr"));
            self.close();
            pids.put(ProcessHandle.current().pid(), "benchmark JVM (load generator, in-process MongoDB, append baseline)");
            Profiles.summarise(jfrDir, pids, WINDOWS, report);
        }
        report.header("load average at end", Machine.describe().get("load average at start"));
        report.header("took", Duration.between(begin, Instant.now()).toSeconds() + " s");
        Path latest = options.out().resolve("latest").toAbsolutePath();
        report.write(outDir, latest);
        System.out.println("Report: " + outDir.resolve("report.md") + " (and " + latest + ")");
        long missed = report.targets().stream().filter(t -> !t.met()).count();
        System.out.println(report.targets().size() + " targets, " + missed + " missed");
        System.exit(0);
    }

    private static void platformScenarios(Bench bench, Options options, Report report, Path outDir, List<UUID> sites,
                                          List<String> opts) {
        Sizes sizes = options.sizes();
        report.header("platform", "embedded default, service JVMs " + String.join(" ", opts.subList(0, 2)) + " + "
                + String.join(" ", io.sitework.launcher.PlatformConfig.DEFAULT_JAVA_OPTS));
        double[] half = {Double.NaN, Double.NaN};
        if (options.runs("gateway")) {
            run(report, "gateway", () -> HttpScenarios.gatewayVsDirect(bench, sizes, report));
        }
        if (options.runs("commands") || options.runs("growth")) {
            run(report, "commands", () -> {
                double[] h = HttpScenarios.commands(bench, sizes, report, outDir);
                half[0] = h[0];
                half[1] = h[1];
            });
        }
        if (options.runs("inbox")) {
            run(report, "inbox", () -> HttpScenarios.inbox(bench, sizes, report));
        }
        if (options.runs("growth") || options.runs("replay") || options.runs("reads")) {
            run(report, "growth", () -> StoreScenarios.growth(bench, sizes, report, sites, half[0], half[1], options.runs("growth")));
        }
        if (options.runs("replay")) {
            run(report, "replay", () -> StoreScenarios.replay(bench, sizes, report, outDir));
        }
        if (options.runs("reads")) {
            run(report, "reads", () -> StoreScenarios.reads(bench, sizes, report, sites));
        }
        // last: the long aggregate's history keeps the board's and the publisher's processors busy for a while
        if (options.runs("long-aggregates")) {
            run(report, "long-aggregates", () -> StoreScenarios.longAggregates(bench, sizes, report));
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** When each scenario ran: the profiles are cut along these windows. */
    static final Map<String, Instant[]> WINDOWS = new java.util.LinkedHashMap<>();

    private static void run(Report report, String name, Step step) {
        Instant t = Instant.now();
        WINDOWS.put(name, new Instant[]{t, Instant.MAX});
        System.out.println("== " + name);
        try {
            step.run();
        } catch (Exception e) {
            e.printStackTrace();
            report.section(name, "FAILED: " + name).failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        WINDOWS.get(name)[1] = Instant.now();
        System.out.println("   " + name + " took " + Duration.between(t, Instant.now()).toSeconds() + " s");
    }
}
