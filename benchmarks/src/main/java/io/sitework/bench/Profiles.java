package io.sitework.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Summarises the flight recordings (JFR, {@code settings=profile}) of the services and of the suite's own JVM (which
 * hosts the embedded default's in-process MongoDB): where the CPU samples were while each scenario ran — by area
 * (the first frame from the top that belongs to a known library, or to our code), our own methods, and the hottest
 * frames — so a missed target comes with the profile that explains it. The same as
 * {@code jfr print --events jdk.ExecutionSample <file>}, aggregated.
 */
final class Profiles {

    private Profiles() {
    }

    /** {@code windows}: each scenario's start and end; samples outside every window (start-up, stopping) are left out. */
    static void summarise(Path jfrDir, Map<Long, String> names, Map<String, Instant[]> windows, Report report) {
        try (Stream<Path> files = Files.list(jfrDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                String process = file.getFileName().toString();
                for (Map.Entry<Long, String> e : names.entrySet()) {
                    if (process.contains("pid-" + e.getKey() + "-") || process.startsWith(e.getKey() + ".")) {
                        process = e.getValue() + " (" + file.getFileName() + ")";
                    }
                }
                try {
                    report.profile(process, summary(file, windows));
                } catch (Exception e) {
                    report.profile(process, List.of("could not read: " + e.getMessage()));
                }
            }
        } catch (Exception e) {
            report.profile("(none)", List.of("no recordings: " + e.getMessage()));
        }
    }

    static List<String> summary(Path file, Map<String, Instant[]> windows) throws Exception {
        Map<String, Map<String, Integer>> areaByScenario = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        windows.keySet().forEach(w -> {
            areaByScenario.put(w, new HashMap<>());
            totals.put(w, 0);
        });
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String scenario = null;
            for (Map.Entry<String, Instant[]> w : windows.entrySet()) {
                Instant t = event.getStartTime();
                if (!t.isBefore(w.getValue()[0]) && !t.isAfter(w.getValue()[1])) {
                    scenario = w.getKey();
                }
            }
            if (scenario == null) {
                continue;
            }
            total++;
            totals.merge(scenario, 1, Integer::sum);
            areaByScenario.get(scenario).merge(area(stack), 1, Integer::sum);
            RecordedFrame top = stack.getFrames().get(0);
            topFrames.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            for (RecordedFrame f : stack.getFrames()) {
                String type = f.getMethod().getType().getName();
                if (type.startsWith("io.sitework.") && !type.startsWith("io.sitework.bench.")) {
                    ours.merge(type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName(), 1, Integer::sum);
                    break;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(total + " CPU samples while the scenarios ran (start-up and shut-down left out)");
        lines.add("share of each scenario's samples by area (first recognised frame from the top of the stack):");
        List<String> scenarios = totals.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        Map<String, Integer> allAreas = new HashMap<>();
        areaByScenario.values().forEach(m -> m.forEach((k, v) -> allAreas.merge(k, v, Integer::sum)));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-34s", "area"));
        scenarios.forEach(s -> head.append(String.format(Locale.ROOT, " %9s", abbreviate(s, 9))));
        lines.add(head.toString());
        StringBuilder samples = new StringBuilder(String.format(Locale.ROOT, "  %-34s", "(samples)"));
        scenarios.forEach(s -> samples.append(String.format(Locale.ROOT, " %9d", totals.get(s))));
        lines.add(samples.toString());
        allAreas.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(a -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-34s", a.getKey()));
            scenarios.forEach(s -> row.append(String.format(Locale.ROOT, " %8.1f%%",
                    100.0 * areaByScenario.get(s).getOrDefault(a.getKey(), 0) / Math.max(1, totals.get(s)))));
            lines.add(row.toString());
        });
        lines.add("our methods (first io.sitework frame from the top), share of all samples:");
        top(ours, total, 10).forEach(lines::add);
        lines.add("hottest frames, share of all samples:");
        top(topFrames, total, 10).forEach(lines::add);
        return lines;
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    static String area(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("io.sitework.bench.")) {
                continue;
            }
            if (type.startsWith("io.sitework.")) {
                return "io.sitework (our code)";
            }
            if (type.startsWith("org.postgresql.") || type.startsWith("com.zaxxer.")) {
                return "JDBC (PostgreSQL driver, Hikari)";
            }
            if (type.startsWith("com.fasterxml.jackson.")) {
                return "Jackson (JSON)";
            }
            if (type.startsWith("org.axonframework.")) {
                return "Axon";
            }
            if (type.startsWith("de.bwaldvogel.")) {
                return "mongo-java-server (in-process)";
            }
            if (type.startsWith("com.mongodb.") || type.startsWith("org.bson.") || type.startsWith("org.springframework.data.mongodb.")) {
                return "MongoDB driver, Spring Data";
            }
            if (type.startsWith("org.springframework.data.")) {
                return "MongoDB driver, Spring Data";
            }
            if (type.startsWith("org.apache.kafka.") || type.startsWith("org.springframework.kafka.")) {
                return "Kafka client";
            }
            if (type.startsWith("io.micrometer.") || type.startsWith("io.opentelemetry.")) {
                return "metrics and tracing";
            }
            if (type.startsWith("org.springframework.security.") || type.startsWith("com.nimbusds.")) {
                return "security (JWT)";
            }
            if (type.startsWith("io.netty.") || type.startsWith("reactor.")) {
                return "Netty / Reactor";
            }
            if (type.startsWith("org.springframework.cloud.gateway.")) {
                return "Spring Cloud Gateway";
            }
            if (type.startsWith("org.apache.catalina.") || type.startsWith("org.apache.coyote.") || type.startsWith("org.apache.tomcat.")) {
                return "Tomcat";
            }
            if (type.startsWith("org.HdrHistogram.") || type.startsWith("jdk.internal.net.http.") || type.startsWith("java.net.http.")) {
                return "load generator (java.net.http)";
            }
            if (type.startsWith("org.springframework.")) {
                return "Spring (other)";
            }
        }
        return "JDK / other";
    }

    private static List<String> top(Map<String, Integer> counts, int total, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, total), e.getKey()))
                .toList();
    }
}
